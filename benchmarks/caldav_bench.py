#!/usr/bin/python3
"""caldav_bench.py HOST PORT USER PASSWORD CALENDAR_PATH N IMPORT_PATH [WARMUP_PATH WARMUP_N]: the
CalDAV figures of issue 11 against one server (zarafa-ical or Radicale), printed as "name value
unit" lines. Standard library only (http.client), one keep-alive connection per client thread:

  import     the N events as one whole-calendar PUT to IMPORT_PATH (zarafa-ical's iCal gateway,
             /ical/USER/CALENDAR; Radicale's PUT of a collection), events/s; one by one, Radicale
             takes minutes per thousand at this size (it looks at every item of the collection
             for each PUT), so the calendar is filled this way on both
  put        PUT_N more events PUT one by one (If-None-Match: *) into the full calendar by
             PUT_THREADS threads, events/s
  propfind   PROPFIND Depth 1 of the calendar (getetag), s
  query      calendar-query for one month (about N/12 events), getetag + calendar-data, s
  multiget   calendar-multiget of all N hrefs with calendar-data, s
  sync       sync-collection after one changed event (token taken before the change), s

The events are the same bytes on both servers: one a day from 2020-01-01 on, a 1-hour meeting in
Europe/Berlin with a VTIMEZONE, two attendees, a VALARM, 1 in 10 weekly recurring. Each timed
read is the median of REPEAT runs after WARM runs; a warm-up calendar (WARMUP_PATH) gets
WARMUP_N events and the same reads first, so a JIT-compiled server is measured warm."""
import base64
import datetime
import http.client
import os
import re
import statistics
import sys
import threading
import time

host, port, user, password, cal, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], int(
    sys.argv[6])
import_path = sys.argv[7]
warm_cal = sys.argv[8] if len(sys.argv) > 8 else None
warm_n = int(sys.argv[9]) if len(sys.argv) > 9 else 0
THREADS = int(os.environ.get("PUT_THREADS", "4"))
PUT_N = int(os.environ.get("PUT_N", "500"))
REPEAT = int(os.environ.get("REPEAT", "5"))
WARM = int(os.environ.get("WARM", "2"))
AUTH = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

TZ = ("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"
      "TZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n"
      "BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
      "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n")


def event(i, summary=None):
    day = datetime.date(2020, 1, 1) + datetime.timedelta(days=i)
    d = day.strftime("%Y%m%d")
    rrule = "RRULE:FREQ=WEEKLY;COUNT=10\r\n" if i % 10 == 0 else ""
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//zcp//caldav_bench//EN\r\n" + TZ + "BEGIN:VEVENT\r\n"
            f"UID:bench-{i}@example.com\r\nDTSTAMP:20240101T000000Z\r\n"
            f"DTSTART;TZID=Europe/Berlin:{d}T100000\r\nDTEND;TZID=Europe/Berlin:{d}T110000\r\n" + rrule +
            f"SUMMARY:{summary or 'Meeting %d' % i}\r\nLOCATION:Room {i % 7}\r\n"
            "DESCRIPTION:Agenda: the figures of the week\\, and what comes next.\r\n"
            "ORGANIZER;CN=Bench User:mailto:bench@example.com\r\n"
            "ATTENDEE;CN=Anna;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED:mailto:anna@example.com\r\n"
            "ATTENDEE;CN=Ben;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION:mailto:ben@example.com\r\n"
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\n"
            "END:VEVENT\r\nEND:VCALENDAR\r\n")


class Client:
    def __init__(self):
        self.c = http.client.HTTPConnection(host, port, timeout=600)

    def req(self, method, path, body=None, headers=None):
        h = {"Authorization": AUTH}
        h.update(headers or {})
        data = body.encode() if isinstance(body, str) else body
        self.c.request(method, path, body=data, headers=h)
        r = self.c.getresponse()
        payload = r.read()
        return r.status, payload, r


def whole(count):
    """The events as one VCALENDAR (each VEVENT once, the time zone once)."""
    parts = ["BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//zcp//caldav_bench//EN\r\n", TZ]
    for i in range(count):
        e = event(i)
        parts.append(e[e.index("BEGIN:VEVENT"):e.index("END:VCALENDAR")])
    parts.append("END:VCALENDAR\r\n")
    return "".join(parts)


def import_all(path, count):
    body = whole(count)
    c = Client()
    t0 = time.monotonic()
    s, b, _ = c.req("PUT", path, body, {"Content-Type": "text/calendar; charset=utf-8"})
    took = time.monotonic() - t0
    if s not in (200, 201, 204):
        sys.exit(f"whole-calendar PUT to {path}: {s} {b[:300]!r}")
    return count / took


def put_all(path, first, count):
    errors = []

    def work(k):
        c = Client()
        for i in range(first + k, first + count, THREADS):
            s, body, _ = c.req("PUT", f"{path}bench-{i}.ics", event(i),
                               {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"})
            if s not in (201, 204):
                errors.append((i, s, body[:200]))
    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.monotonic() - t0
    if errors:
        sys.exit("PUT failed: %r" % errors[:3])
    return count / took


def timed(fn):
    for _ in range(WARM):
        fn()
    runs = []
    for _ in range(REPEAT):
        t0 = time.monotonic()
        fn()
        runs.append(time.monotonic() - t0)
    return statistics.median(runs)


def expect(status, body, code, what):
    if status != code:
        sys.exit(f"{what}: {status} {body[:300]!r}")
    return body


def reads(path, count, changeable):
    """The timed reads of a calendar holding at least count events; changeable: names PUT one by one."""
    c = Client()
    propfind = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
    listed = []

    def do_propfind():
        b = expect(*c.req("PROPFIND", path, propfind, {"Depth": "1", "Content-Type": "application/xml"})[:2], 207,
                   "PROPFIND")
        hrefs = [h.decode() for h in re.findall(rb"<(?:\w+:)?href>([^<]+\.ics)</(?:\w+:)?href>", b)]
        if len(hrefs) < count:
            sys.exit("PROPFIND listed %d of %d" % (len(hrefs), count))
        listed[:] = hrefs

    first = datetime.date(2020, 1, 1) + datetime.timedelta(days=count // 2)
    start = first.replace(day=1)
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    query = ('<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">'
             '<d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR">'
             f'<c:comp-filter name="VEVENT"><c:time-range start="{start:%Y%m%d}T000000Z" end="{end:%Y%m%d}T000000Z"/>'
             '</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>')
    found = []

    def do_query():
        b = expect(*c.req("REPORT", path, query, {"Depth": "1", "Content-Type": "application/xml"})[:2], 207,
                   "calendar-query")
        found.append(b.count(b"BEGIN:VEVENT"))

    def do_multiget():
        hrefs = "".join(f"<d:href>{h}</d:href>" for h in listed)
        multiget = ('<?xml version="1.0"?><c:calendar-multiget xmlns:d="DAV:" '
                    'xmlns:c="urn:ietf:params:xml:ns:caldav">'
                    f'<d:prop><d:getetag/><c:calendar-data/></d:prop>{hrefs}</c:calendar-multiget>')
        b = expect(*c.req("REPORT", path, multiget, {"Depth": "1", "Content-Type": "application/xml"})[:2], 207,
                   "multiget")
        if b.count(b"BEGIN:VCALENDAR") < count:
            sys.exit("multiget returned %d of %d" % (b.count(b"BEGIN:VCALENDAR"), count))

    sync = ('<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>%s</d:sync-token>'
            '<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>')
    changes = [0]

    def do_sync():
        b = expect(*c.req("REPORT", path, sync % "", {"Content-Type": "application/xml"})[:2], 207, "sync")
        token = b.split(b"sync-token>")[1].split(b"<")[0].decode()
        changes[0] += 1
        i = changeable[changes[0] % len(changeable)]
        s, b, _ = c.req("PUT", f"{path}bench-{i}.ics", event(i, "Changed %d" % changes[0]),
                        {"Content-Type": "text/calendar"})
        if s not in (201, 204):  # Radicale answers a replacement with 201
            sys.exit(f"PUT change: {s} {b[:300]!r}")
        t0 = time.monotonic()
        b = expect(*c.req("REPORT", path, sync % token, {"Content-Type": "application/xml"})[:2], 207, "sync delta")
        took = time.monotonic() - t0
        if b"bench-%d.ics" % i not in b:
            sys.exit("sync-collection did not name the changed event: %r" % b[:300])
        return took

    def sync_runs_now():
        # timed around the delta REPORT only
        for _ in range(WARM):
            do_sync()
        return [do_sync() for _ in range(REPEAT)]
    figures = {"propfind": timed(do_propfind), "query": timed(do_query), "query_events": found[-1]}
    figures["multiget"] = timed(do_multiget)
    figures["sync"] = statistics.median(sync_runs_now())
    return figures


if warm_cal:
    put_all(warm_cal, 0, warm_n)
    reads(warm_cal, warm_n, list(range(warm_n)))
imported = import_all(import_path, n)
rate = put_all(cal, n, PUT_N)
r = reads(cal, n, list(range(n, n + PUT_N)))
print(f"import {imported:.1f} events/s")
print(f"put {rate:.1f} events/s")
print(f"propfind {r['propfind']:.3f} s")
print(f"query {r['query']:.3f} s ({r['query_events']} events)")
print(f"multiget {r['multiget']:.3f} s")
print(f"sync {r['sync']:.3f} s")
