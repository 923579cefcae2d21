#!/usr/bin/python3
"""meeting_roundtrip.py URL: a meeting through the whole platform with python3-caldav (issue 11).

olga (organizer) saves a meeting with paul (local), guest@remote.test (outside) and the room
room1 (--mr-accept 1 --mr-decline-conflict 1) over CalDAV; the server sends the invitations as
iMIP through the spooler and Postfix. paul finds the meeting in his calendar (tentative) and
accepts it over CalDAV; the room accepts by itself. olga's copy then shows both answers, and her
free/busy (free-busy-query) shows the meeting. A second meeting at an overlapping time is declined
by the room, and olga's copy of it says so. Passwords: olga secret12, paul secret13. Prints one
"ok: ..." line per step and the UID of the first meeting as "uid: ..."; exits non-zero on the
first failure."""
import datetime
import sys
import time
import uuid

import caldav

url = sys.argv[1]
F = "%Y%m%dT%H%M%SZ"


def ok(what):
    print("ok: " + what, flush=True)


def fail(what):
    print("FAIL: " + what, flush=True)
    sys.exit(1)


def calendar(user, password):
    client = caldav.DAVClient(url=url + "/caldav/", username=user, password=password)
    for c in client.principal().calendars():
        if c.name == "Calendar":
            return c
    fail(user + " has no Calendar")


def meeting(uid, start, summary):
    end = start + datetime.timedelta(hours=1)
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//acceptance//meeting_roundtrip//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{start.strftime(F)}\r\nDTEND:{end.strftime(F)}\r\n"
            f"SUMMARY:{summary}\r\nSEQUENCE:0\r\n"
            "ORGANIZER;CN=Olga Organizer:mailto:olga@example.com\r\n"
            "ATTENDEE;CN=Olga Organizer;PARTSTAT=ACCEPTED:mailto:olga@example.com\r\n"
            "ATTENDEE;CN=Paul Attendee;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:paul@example.com\r\n"
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:guest@remote.test\r\n"
            "ATTENDEE;CN=Room One;CUTYPE=ROOM;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:room1@example.com\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


def partstats(cal, uid):
    """ATTENDEE address -> PARTSTAT of the meeting in a calendar (None when it is not there)."""
    try:
        ev = cal.event_by_uid(uid)
    except caldav.lib.error.NotFoundError:
        return None
    ev.load()
    out = {}
    for comp in ev.icalendar_instance.walk("VEVENT"):
        atts = comp.get("attendee") or []
        if not isinstance(atts, list):
            atts = [atts]
        for a in atts:
            out[str(a).lower().replace("mailto:", "")] = str(a.params.get("PARTSTAT", "NEEDS-ACTION")).upper()
    return out


def wait(what, check, seconds=90):
    end = time.time() + seconds
    while True:
        got = check()
        if got:
            return got
        if time.time() > end:
            fail(what)
        time.sleep(0.5)


olga = calendar("olga", "secret12")
paul = calendar("paul", "secret13")
uid = str(uuid.uuid4())
start = datetime.datetime(2032, 5, 4, 9, 0, tzinfo=datetime.timezone.utc) + datetime.timedelta(
    days=7 * (int(uid[:6], 16) % 3000))
olga.save_event(meeting(uid, start, "Quarterly review"))
print("uid: " + uid, flush=True)
ok("olga saved the meeting with paul, guest@remote.test and room1 over CalDAV")

got = wait("the invitation never reached paul's calendar", lambda: partstats(paul, uid))
if got.get("paul@example.com") != "NEEDS-ACTION":
    fail("paul's copy: " + repr(got))
ok("the invitation reached paul's calendar through the spooler, Postfix and LMTP, awaiting his answer")

ev = paul.event_by_uid(uid)
ev.load()
ical = ev.icalendar_instance
for comp in ical.walk("VEVENT"):
    atts = comp.get("attendee")
    for a in (atts if isinstance(atts, list) else [atts]):
        if str(a).lower() == "mailto:paul@example.com":
            a.params["PARTSTAT"] = "ACCEPTED"
            a.params.pop("RSVP", None)
ev.data = ical.to_ical().decode()
ev.save()
ok("paul accepted over CalDAV")

answers = wait("olga's copy never showed paul's and the room's answers", lambda: (lambda p: p if p and p.get(
    "paul@example.com") == "ACCEPTED" and p.get("room1@example.com") == "ACCEPTED" else None)(partstats(olga, uid)))
if answers.get("guest@remote.test") != "NEEDS-ACTION":
    fail("the guest's answer in olga's copy: " + repr(answers))
ok("olga's copy shows paul ACCEPTED and room1 ACCEPTED (the room answered by itself)")

fb = olga.freebusy_request(start - datetime.timedelta(hours=2), start + datetime.timedelta(hours=3))
text = fb.data if hasattr(fb, "data") else str(fb)
want = "FREEBUSY;FBTYPE=BUSY:" + start.strftime(F) + "/" + (start + datetime.timedelta(hours=1)).strftime(F)
if want not in text.replace("\r\n ", ""):
    fail("free/busy of olga's calendar lacks " + want + ": " + text)
ok("free-busy-query shows the meeting as busy time")

second = str(uuid.uuid4())
olga.save_event(meeting(second, start + datetime.timedelta(minutes=30), "Clashing review"))
declined = wait("the room never answered the overlapping booking", lambda: (lambda p: p if p and p.get(
    "room1@example.com") in ("DECLINED", "ACCEPTED") else None)(partstats(olga, second)))
if declined.get("room1@example.com") != "DECLINED":
    fail("the room accepted an overlapping booking: " + repr(declined))
ok("room1 declined the overlapping meeting, and olga's copy says so")
