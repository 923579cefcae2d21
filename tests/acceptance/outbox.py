#!/usr/bin/python3
"""outbox.py URL USER PASSWORD: prints how many messages in USER's Outbox are still in the
outgoing queue (submitted, not yet handed to the relay or given up), with a third-party SOAP
client (python3-zeep). Autoreplies and forwards made at delivery wait there too (manual 4.5),
so "0" after a delivery means the spooler has passed on everything the delivery produced."""
import sys

import zeep

PR_ENTRYID = 0x0FFF0102
PR_DISPLAY_NAME = 0x3001001F

url, user, password = sys.argv[1:4]
client = zeep.Client(url + "?wsdl")
s, f = client.service, client.type_factory("urn:zarafa")
sid = s.logon(user, password, None, "outbox.py").sessionId
store = s.getStore(sid, None)
folders = {r.props[0].s: r.props[1].bin.hex().upper() for r in s.queryHierarchy(
    sid, store.ipmSubtreeId, f.tableQuery(columns=[PR_DISPLAY_NAME, PR_ENTRYID], start=0, count=0, flags=0)).rows}
if "Outbox" not in folders:
    raise SystemExit("FAIL: %s has no Outbox: %s" % (user, sorted(folders)))
rows = s.queryContents(sid, folders["Outbox"], f.tableQuery(columns=[PR_ENTRYID], start=0, count=0, flags=0)).rows
print(sum(1 for r in rows if s.isMessageInQueue(sid, r.props[0].bin.hex().upper())))
s.logoff(sid)
