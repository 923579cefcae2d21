#!/usr/bin/python3
"""caldav_client.py URL USER PASSWORD: python3-caldav (a third-party CalDAV client) against
zarafa-ical. URL is the server's root (http://127.0.0.1:PORT). Discovers the principal and its
calendar home, finds the store's Calendar, creates an event, finds it by a time range and not
outside it, changes it (the ETag changes, an old ETag is refused), syncs by token (only what
changed since), makes a calendar (MKCALENDAR), stores a task in the Tasks folder, deletes, and is
refused with a wrong password. Prints one "ok: ..." line per step; exits non-zero on the first
failure."""
import datetime
import sys
import uuid

import caldav
from caldav.lib import error

url, user, password = sys.argv[1:4]


def ok(what):
    print("ok: " + what, flush=True)


def fail(what):
    print("FAIL: " + what, flush=True)
    sys.exit(1)


def event(uid, summary, start):
    end = start + datetime.timedelta(hours=1)
    f = "%Y%m%dT%H%M%SZ"
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//acceptance//caldav_client//EN\r\nBEGIN:VEVENT\r\n"
            f"UID:{uid}\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:{start.strftime(f)}\r\nDTEND:{end.strftime(f)}\r\n"
            f"SUMMARY:{summary}\r\nLOCATION:Room 4\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


client = caldav.DAVClient(url=url + "/caldav/", username=user, password=password)
principal = client.principal()
ok("principal " + str(principal.url))
calendars = principal.calendars()
names = {c.name: c for c in calendars}
if "Calendar" not in names:
    fail("no Calendar among " + repr(list(names)))
cal = names["Calendar"]
ok("calendar home lists " + ", ".join(sorted(n for n in names if n)))

uid = str(uuid.uuid4())
# a day of its own, so a run against a server that kept an earlier run's events finds only its own
start = datetime.datetime(2031, 3, 4, 9, 0, tzinfo=datetime.timezone.utc) + datetime.timedelta(
    days=7 * (int(uid[:6], 16) % 5000))
created = cal.save_event(event(uid, "Planning", start))
ok("event created at " + str(created.url))

found = cal.date_search(start - datetime.timedelta(days=1), start + datetime.timedelta(days=1), expand=False)
if [str(e.url) for e in found] != [str(created.url)]:
    fail("time range search found " + repr([str(e.url) for e in found]))
outside = cal.date_search(start + datetime.timedelta(days=2), start + datetime.timedelta(days=30), expand=False)
if outside:
    fail("a range after the event found " + repr([str(e.url) for e in outside]))
ok("a time range finds the event; another range does not")

again = cal.event_by_uid(uid)
again.load()
if "SUMMARY:Planning" not in again.data or "LOCATION:Room 4" not in again.data:
    fail("read back: " + again.data)
etag = client.request(str(again.url), "GET").headers.get("ETag")
sync = cal.objects_by_sync_token()
token = sync.sync_token
again.data = again.data.replace("SUMMARY:Planning", "SUMMARY:Planning (moved)")
again.save()
new_etag = client.request(str(again.url), "GET").headers.get("ETag")
if not etag or etag == new_etag:
    fail("ETag %r -> %r" % (etag, new_etag))
r = client.request(str(again.url), "PUT", again.data, {"If-Match": etag, "Content-Type": "text/calendar"})
if r.status != 412:
    fail("a PUT with the old ETag answered %s" % r.status)
ok("a change gives a new ETag (%s -> %s); the old one is refused with 412" % (etag, new_etag))

other = cal.save_event(event(str(uuid.uuid4()), "Review", start + datetime.timedelta(days=7)))
changes = cal.objects_by_sync_token(sync_token=token, load_objects=False)
urls = sorted(str(o.url) for o in changes.objects)
if urls != sorted([str(again.url), str(other.url)]):
    fail("sync-collection since %s gave %r" % (token, urls))
ok("sync-collection names just the two changed items")

work = principal.make_calendar(name="Work " + uid[:8])
ok("MKCALENDAR answered at " + str(work.url))
if ("Work " + uid[:8]) not in [c.name for c in principal.calendars()]:
    fail("the new calendar is not in the home")
work.save_event(event(str(uuid.uuid4()), "In the new calendar", start))
if len(work.events()) != 1:
    fail("the new calendar holds %d events" % len(work.events()))
ok("MKCALENDAR made a calendar that keeps events")

tasks = next((c for c in calendars if c.name == "Tasks"), None)
if tasks is None:
    fail("no Tasks calendar")
todo = tasks.save_todo("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//acceptance//EN\r\nBEGIN:VTODO\r\n"
                       f"UID:{uuid.uuid4()}\r\nDTSTAMP:20240101T000000Z\r\nSUMMARY:Write report\r\n"
                       "DUE:20310310T170000Z\r\nEND:VTODO\r\nEND:VCALENDAR\r\n")
if "SUMMARY:Write report" not in tasks.todos()[0].data:
    fail("task not kept")
ok("a task is kept in the Tasks folder")

other.delete()
if str(other.url) in [str(e.url) for e in cal.events()]:
    fail("deleted event still listed")
ok("an event is deleted")

try:
    caldav.DAVClient(url=url + "/caldav/", username=user, password=password + "x").principal()
    fail("a wrong password was accepted")
except error.AuthorizationError:
    ok("a wrong password is refused (401)")
