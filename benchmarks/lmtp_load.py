#!/usr/bin/python3
"""Delivers N distinct messages over LMTP (plain text, multipart/alternative, and with an
attachment, deterministic), the same set every run, for the IMAP benchmark.

usage: lmtp_load.py HOST PORT RECIPIENT N [SESSIONS]
"""
import random
import smtplib
import sys
import threading

WORDS = ("meeting budget report quarterly review project deadline customer invoice travel agenda "
         "server backup network release schedule contract holiday training office planning").split()


def message(i):
    rnd = random.Random(i)
    subject = "Benchmark %05d %s %s" % (i, rnd.choice(WORDS), rnd.choice(WORDS))
    body = "\r\n".join(" ".join(rnd.choice(WORDS) for _ in range(12)) for _ in range(rnd.randint(20, 60)))
    if i == 4242:
        body += "\r\nneedle-in-the-haystack\r\n"
    head = ("From: Sender %d <sender%d@example.org>\r\nTo: Bench User <bench@example.com>\r\n"
            "Subject: %s\r\nDate: Mon, 2 Nov 2026 10:%02d:%02d +0100\r\n"
            "Message-ID: <bench-%d@example.org>\r\nMIME-Version: 1.0\r\n") % (
        i % 50, i % 50, subject, (i // 60) % 60, i % 60, i)
    kind = i % 10
    if kind < 7:
        return head + "Content-Type: text/plain; charset=us-ascii\r\n\r\n" + body + "\r\n"
    if kind < 9:
        return (head + 'Content-Type: multipart/alternative; boundary="b%d"\r\n\r\n--b%d\r\n'
                "Content-Type: text/plain; charset=us-ascii\r\n\r\n%s\r\n--b%d\r\n"
                "Content-Type: text/html; charset=us-ascii\r\n\r\n<html><body><p>%s</p></body></html>\r\n"
                "--b%d--\r\n") % (i, i, body, i, body.replace("\r\n", "<br>\r\n"), i)
    blob = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
                   for _ in range(76 * 260))
    att = "\r\n".join(blob[k:k + 76] for k in range(0, len(blob), 76))
    return (head + 'Content-Type: multipart/mixed; boundary="m%d"\r\n\r\n--m%d\r\n'
            "Content-Type: text/plain; charset=us-ascii\r\n\r\n%s\r\n--m%d\r\n"
            'Content-Type: application/octet-stream; name="data%d.bin"\r\n'
            "Content-Transfer-Encoding: base64\r\n"
            'Content-Disposition: attachment; filename="data%d.bin"\r\n\r\n%s\r\n--m%d--\r\n') % (
        i, i, body, i, i, i, att, i)


def run(host, port, rcpt, ids):
    c = smtplib.LMTP(host, port)
    c.ehlo("bench")
    for i in ids:
        refused = c.sendmail("sender@example.org", [rcpt], message(i).encode("ascii"))
        if refused:
            raise SystemExit("refused: %r" % refused)
    c.quit()


def main():
    host, port, rcpt, n = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    sessions = int(sys.argv[5]) if len(sys.argv) > 5 else 4
    threads = [threading.Thread(target=run, args=(host, port, rcpt, range(k, n, sessions)))
               for k in range(sessions)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    main()
