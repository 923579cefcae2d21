#!/usr/bin/python3
"""inbox.py URL USER PASSWORD SUBJECT: prints how many messages in USER's Inbox have SUBJECT,
and the size of their largest attachment (a third-party SOAP client, python3-zeep)."""
import sys
import zeep

url, user, password, subject = sys.argv[1:5]
count_only = len(sys.argv) > 5 and sys.argv[5] == "count"
client = zeep.Client(url + "?wsdl")
s, f = client.service, client.type_factory("urn:zarafa")
sid = s.logon(user, password, None, "inbox.py").sessionId
store = s.getStore(sid, None)
rows = s.queryContents(sid, store.inboxId, f.tableQuery(columns=[0x0FFF0102, 0x0037001F], start=0, count=0,
                                                        flags=0)).rows
count, biggest = 0, 0
for r in rows:
    if r.props[1].s == subject:
        count += 1
        if count_only:
            continue
        message = s.loadMessage(sid, r.props[0].bin.hex().upper())
        biggest = max([biggest] + [a.size for a in message.attachments])
print(count, biggest)
s.logoff(sid)
