#!/usr/bin/python3
"""The IMAP benchmark's workload, run the same way against any server; prints one line per
figure: NAME VALUE UNIT.

usage: imap_workload.py HOST PORT USER PASSWORD
"""
import imaplib
import sys
import time


def timed(fn):
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def check(typ, data):
    if typ != "OK":
        raise SystemExit("server said %s %r" % (typ, data))
    return data


def main():
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

    logins = 50
    def login_logout():
        for _ in range(logins):
            c = imaplib.IMAP4(host, port)
            check(*c.login(user, password))
            c.logout()
    t, _ = timed(login_logout)
    print("login %.1f logins/s" % (logins / t))

    c = imaplib.IMAP4(host, port)
    check(*c.login(user, password))
    t, data = timed(lambda: check(*c.select("INBOX")))
    count = int(data[0])
    print("select %.1f ms (%d messages)" % (t * 1000, count))

    t, data = timed(lambda: check(*c.fetch("1:*", "(UID FLAGS RFC822.SIZE INTERNALDATE ENVELOPE)")))
    print("fetch-envelopes %.1f messages/s (%.2f s)" % (count / t, t))

    t, data = timed(lambda: check(*c.fetch("1:*", "(BODYSTRUCTURE)")))
    print("fetch-bodystructure %.1f messages/s (%.2f s)" % (count / t, t))

    n = min(count, 2000)
    t, data = timed(lambda: check(*c.fetch("1:%d" % n, "(BODY.PEEK[])")))
    octets = sum(len(d[1]) for d in data if isinstance(d, tuple))
    print("fetch-bodies %.1f messages/s (%.1f MB/s)" % (n / t, octets / t / 1e6))

    t, data = timed(lambda: check(*c.search(None, "UNSEEN")))
    print("search-flags %.1f ms (%d hits)" % (t * 1000, len(data[0].split())))
    t, data = timed(lambda: check(*c.search(None, "SUBJECT", '"Benchmark 04242"')))
    print("search-subject %.1f ms (%d hits)" % (t * 1000, len(data[0].split())))
    t, data = timed(lambda: check(*c.search(None, "BODY", "needle-in-the-haystack")))
    print("search-body %.1f ms (%d hits)" % (t * 1000, len(data[0].split())))

    appends = 200
    msg = (b"From: a@example.org\r\nTo: bench@example.com\r\nSubject: appended\r\n"
           b"Message-ID: <app-%d@example.org>\r\n\r\n" + b"appended text line\r\n" * 100)
    def append():
        for k in range(appends):
            check(*c.append("INBOX", "(\\Seen)", None, msg.replace(b"%d", str(k).encode())))
    t, _ = timed(append)
    print("append %.1f messages/s" % (appends / t))

    n = min(count, 1000)
    t, _ = timed(lambda: check(*c.store("1:%d" % n, "+FLAGS", "(\\Flagged)")))
    print("store-flags %.1f messages/s" % (n / t))
    c.logout()


if __name__ == "__main__":
    main()
