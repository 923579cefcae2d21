#!/usr/bin/python3
"""imap_bytes.py HOST IMAP_PORT LMTP_PORT USER PASSWORD ADDRESS: delivers a corpus of messages
over LMTP (plain, multipart, attachments, 8-bit, encoded words, long lines, odd structure) and
checks that UID FETCH n BODY.PEEK[] returns each one byte for byte, behind the trace fields the
delivery agent puts on top (Return-Path and Received, RFC 5321 section 4.4, as Dovecot's LMTP
does), and RFC822.SIZE its length."""
import imaplib
import os
import re
import smtplib
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "benchmarks"))
from lmtp_load import message  # noqa: E402

host, imap_port, lmtp_port, user, password, address = sys.argv[1:7]
TAG = "bytecheck"


def corpus():
    out = [message(i).replace("bench@example.com", address).encode("ascii") for i in range(40)]
    head = "From: Odd <odd@remote.test>\r\nTo: %s\r\nSubject: %%s\r\nMessage-ID: <%%s@remote.test>\r\n" % address
    odd = [
        ("8bit", "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                 "Content-Transfer-Encoding: 8bit\r\n\r\nGr\u00fc\u00dfe, \u00e7a va? \u65e5\u672c\r\n"),
        ("=?UTF-8?B?w5xiZXJzaWNodA==?= encoded", "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nbody\r\n"),
        ("long line", "\r\n" + "x" * 5000 + "\r\n"),
        ("no body", "\r\n"),
        ("headers only no blank line", ""),
        ("folded", "X-Folded: first part\r\n\tsecond part\r\n   third part\r\n\r\nfolded header body\r\n"),
        ("nested", 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="outer"\r\n\r\npreamble\r\n'
                   '--outer\r\nContent-Type: multipart/alternative; boundary="inner"\r\n\r\n--inner\r\n'
                   'Content-Type: text/plain\r\n\r\nplain\r\n--inner\r\nContent-Type: text/html\r\n\r\n'
                   '<b>html</b>\r\n--inner--\r\n--outer\r\nContent-Type: message/rfc822\r\n\r\n'
                   'Subject: inner message\r\nFrom: x@y.test\r\n\r\ninner body\r\n--outer--\r\nepilogue\r\n'),
        ("broken mime", 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="never"\r\n\r\n'
                        "no boundary ever appears\r\n"),
        ("dots", "\r\n.leading dot\r\n..two dots\r\n.\r\nnot the end\r\n"),
        ("trailing spaces", "\r\nline with spaces   \r\n\t\r\n\r\n\r\n"),
    ]
    for k, (subject, rest) in enumerate(odd):
        out.append((head % ("%s %s" % (TAG, subject), "odd-%d-%d" % (k, os.getpid())) + rest).encode("utf-8"))
    return out


def main():
    sent = corpus()
    lmtp = smtplib.LMTP(host, int(lmtp_port))
    for raw in sent:
        refused = lmtp.sendmail("sender@remote.test", [address], raw)
        if refused:
            raise SystemExit("LMTP refused: %r" % refused)
    lmtp.quit()

    m = imaplib.IMAP4(host, int(imap_port))
    m.login(user, password)
    typ, data = m.select("INBOX", readonly=True)
    count = int(data[0])
    typ, data = m.fetch("%d:*" % (count - len(sent) + 1), "(UID RFC822.SIZE BODY.PEEK[])")
    got = [d for d in data if isinstance(d, tuple)]
    if len(got) != len(sent):
        raise SystemExit("fetched %d of %d messages" % (len(got), len(sent)))
    bad = 0
    for k, (meta, body) in enumerate(got):
        size = int(re.search(rb"RFC822\.SIZE (\d+)", meta).group(1))
        trace = body[:len(body) - len(sent[k])]
        fields = re.findall(rb"^([A-Za-z-]+):", trace, re.M)
        if not body.endswith(sent[k]) or size != len(body) or (trace and not trace.endswith(b"\r\n")) \
                or set(fields) - {b"Return-Path", b"Received"}:
            bad += 1
            print("message %d differs: sent %d octets, got %d (RFC822.SIZE %d), added %r"
                  % (k, len(sent[k]), len(body), size, trace[:300]))
    m.logout()
    if bad:
        raise SystemExit("%d of %d messages not byte-identical" % (bad, len(sent)))
    print("%d messages byte-identical" % len(sent))


if __name__ == "__main__":
    main()
