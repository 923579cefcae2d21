#!/usr/bin/python3
"""send.py URL USER PASSWORD SUBJECT RECIPIENT...: writes a message in USER's Outbox with a
third-party SOAP client (python3-zeep), submits it (manual 4.9) and waits until the spooler has
moved it to Sent Items; prints "sent". With RECIPIENT "--as=ADDRESS" first, the message is sent
as ADDRESS (PR_SENT_REPRESENTING); a refused submit prints the fault and exits 3. With
"--no-wait" first, it prints "queued" once the message is in the outgoing queue."""
import sys
import time

import zeep
from zeep.exceptions import Fault

PR_ENTRYID = 0x0FFF0102
PR_DISPLAY_NAME = 0x3001001F
PR_SUBJECT = 0x0037001F
PR_BODY = 0x1000001F
PR_MESSAGE_CLASS = 0x001A001F
PR_EMAIL_ADDRESS = 0x3003001F
PR_ADDRTYPE = 0x3002001F
PR_RECIPIENT_TYPE = 0x0C150003
PR_SENT_REPRESENTING_EMAIL_ADDRESS = 0x0065001F


def main():
    url, user, password, subject = sys.argv[1:5]
    recipients = sys.argv[5:]
    send_as = None
    wait = True
    if recipients and recipients[0] == "--no-wait":
        wait = recipients.pop(0) is None
    if recipients and recipients[0].startswith("--as="):
        send_as = recipients.pop(0)[5:]
    client = zeep.Client(url + "?wsdl")
    s, f = client.service, client.type_factory("urn:zarafa")
    sid = s.logon(user, password, None, "send.py").sessionId
    store = s.getStore(sid, None)
    folders = {r.props[0].s: r.props[1].bin.hex().upper() for r in s.queryHierarchy(
        sid, store.ipmSubtreeId, f.tableQuery(columns=[PR_DISPLAY_NAME, PR_ENTRYID], start=0, count=0, flags=0)).rows}
    props = [f.propVal(tag=PR_SUBJECT, s=subject), f.propVal(tag=PR_MESSAGE_CLASS, s="IPM.Note"),
             f.propVal(tag=PR_BODY, s="Sent through the spooler.\nGr\u00fc\u00dfe")]
    if send_as:
        props.append(f.propVal(tag=PR_SENT_REPRESENTING_EMAIL_ADDRESS, s=send_as))
    rcpts = [f.recipient(props=[f.propVal(tag=PR_DISPLAY_NAME, s=r), f.propVal(tag=PR_EMAIL_ADDRESS, s=r),
                                f.propVal(tag=PR_ADDRTYPE, s="SMTP"), f.propVal(tag=PR_RECIPIENT_TYPE, l=1)])
             for r in recipients]
    mid = s.createMessage(sid, folders["Outbox"], f.message(props=props, recipients=rcpts), False)
    try:
        s.submitMessage(sid, mid)
    except Fault as e:
        print(e.message)
        sys.exit(3)
    query = f.tableQuery(columns=[PR_SUBJECT], start=0, count=0, flags=0)
    if not wait:
        print("queued" if s.isMessageInQueue(sid, mid) else "not queued")
        return
    for _ in range(300):
        if any(r.props[0].s == subject for r in s.queryContents(sid, folders["Sent Items"], query).rows):
            print("sent")
            break
        time.sleep(0.2)
    else:
        sys.exit("FAIL: %r never reached Sent Items" % subject)
    s.logoff(sid)


if __name__ == "__main__":
    main()
