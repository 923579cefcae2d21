#!/usr/bin/python3
"""imap_check.py HOST PORT USER PASSWORD DELIVER_CMD: a python3 imaplib client against the IMAP
gateway: STARTTLS, the capabilities, IDLE seeing a message delivered meanwhile (DELIVER_CMD is
run by the shell while the client idles), CONDSTORE (HIGHESTMODSEQ, FETCH MODSEQ), MOVE with
COPYUID, UID EXPUNGE. Prints "ok: ..." lines; exits non-zero on the first failure."""
import imaplib
import re
import ssl
import subprocess
import sys


def fail(msg):
    sys.exit("FAIL: " + msg)


host, port, user, password, deliver = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
m = imaplib.IMAP4(host, port)
caps = m.capabilities
if "STARTTLS" not in caps:
    fail("no STARTTLS in %s" % (caps,))
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
m.starttls(ssl_context=ctx)
m.sock.settimeout(60)
m.login(user, password)
typ, data = m.capability()
caps = data[0].decode().split()
for need in ("IDLE", "MOVE", "UIDPLUS", "CONDSTORE", "NAMESPACE", "SPECIAL-USE"):
    if need not in caps:
        fail("capability %s missing: %s" % (need, caps))
print("ok: STARTTLS, login, capabilities " + " ".join(c for c in caps if c in ("IDLE", "MOVE", "UIDPLUS", "CONDSTORE")))

typ, data = m._simple_command("SELECT", "INBOX", "(CONDSTORE)")
if typ != "OK":
    fail("SELECT (CONDSTORE): %s" % data)
m.state = "SELECTED"  # imaplib only tracks its own select()
exists = int(m.untagged_responses.get("EXISTS", [b"0"])[-1])
hms = [r for r in m.untagged_responses.get("OK", []) if b"HIGHESTMODSEQ" in r]
if not hms:
    fail("no HIGHESTMODSEQ after SELECT (CONDSTORE): %s" % m.untagged_responses)
print("ok: SELECT INBOX (CONDSTORE): %d messages, %s" % (exists, hms[-1].decode()))

# IDLE: the gateway tells about a delivery while the client waits
tag = m._new_tag().decode()
m.send(("%s IDLE\r\n" % tag).encode())
line = m.readline()
if not line.startswith(b"+"):
    fail("IDLE not accepted: %r" % line)
subprocess.run(deliver, shell=True, check=True)
seen = None
for _ in range(50):
    line = m.readline()
    if re.match(rb"\* (\d+) EXISTS", line):
        seen = int(line.split()[1])
        break
if seen is None or seen <= exists:
    fail("IDLE did not report the delivery (last line %r)" % line)
m.send(b"DONE\r\n")
while True:
    line = m.readline()
    if line.startswith(tag.encode()):
        break
print("ok: IDLE reported * %d EXISTS for a message delivered meanwhile" % seen)

typ, data = m.uid("FETCH", "1:*", "(UID FLAGS MODSEQ)")
uids = [int(re.search(rb"UID (\d+)", d).group(1)) for d in data if d and b"UID" in d]
if len(uids) < 2 or b"MODSEQ" not in data[0]:
    fail("UID FETCH MODSEQ: %s" % data)
print("ok: UID FETCH (UID FLAGS MODSEQ) for %d messages" % len(uids))

m.create("Moved")
typ, data = m.uid("MOVE", str(uids[0]), "Moved")
if typ != "OK" or not any(b"COPYUID" in (r or b"") for r in m.untagged_responses.get("OK", []) + list(data)):
    fail("UID MOVE: %s %s %s" % (typ, data, m.untagged_responses))
print("ok: UID MOVE with COPYUID")

m.uid("STORE", str(uids[1]), "+FLAGS.SILENT", "(\\Deleted)")
typ, data = m.uid("EXPUNGE", str(uids[1]))
if typ != "OK":
    fail("UID EXPUNGE: %s" % data)
typ, data = m.select("INBOX")
if int(data[0]) != seen - 2:
    fail("after MOVE and UID EXPUNGE the INBOX holds %s, not %d" % (data[0], seen - 2))
typ, data = m.select("Moved")
if int(data[0]) != 1:
    fail("Moved holds %s" % data[0])
print("ok: UID EXPUNGE removed exactly the one message; MOVE left it in Moved")
m.logout()
