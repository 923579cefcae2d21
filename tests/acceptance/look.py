#!/usr/bin/python3
"""look.py URL USER PASSWORD inbox|public/<folder> SUBJECT: finds the messages with SUBJECT in
USER's Inbox or in a folder of the public store (python3-zeep) and prints their count and the
file names and types of their attachments: "1 picture.png:image/png"."""
import sys

import zeep

PR_ENTRYID = 0x0FFF0102
PR_DISPLAY_NAME = 0x3001001F
PR_SUBJECT = 0x0037001F
PR_ATTACH_LONG_FILENAME = 0x3707001F
PR_ATTACH_MIME_TAG = 0x370E001F


def prop(props, tag):
    return next((p for p in props if p.tag == tag), None)


url, user, password, where, subject = sys.argv[1:6]
client = zeep.Client(url + "?wsdl")
s, f = client.service, client.type_factory("urn:zarafa")
sid = s.logon(user, password, None, "look.py").sessionId
if where == "inbox":
    folder = s.getStore(sid, None).inboxId
else:
    store = s.getPublicStore(sid, None)
    folder = store.ipmSubtreeId
    for name in where.split("/")[1:]:
        rows = s.queryHierarchy(sid, folder, f.tableQuery(columns=[PR_DISPLAY_NAME, PR_ENTRYID], start=0, count=0,
                                                          flags=0)).rows
        folder = next((r.props[1].bin.hex().upper() for r in rows if r.props[0].s == name), None)
        if folder is None:
            print("0 no-folder")
            sys.exit(0)
rows = s.queryContents(sid, folder, f.tableQuery(columns=[PR_ENTRYID, PR_SUBJECT], start=0, count=0, flags=0)).rows
found = [r for r in rows if r.props[1].s == subject]
names = []
for r in found:
    m = s.loadMessage(sid, r.props[0].bin.hex().upper())
    for a in m.attachments:
        names.append("%s:%s" % (prop(a.props, PR_ATTACH_LONG_FILENAME).s, prop(a.props, PR_ATTACH_MIME_TAG).s))
print(len(found), ",".join(names))
s.logoff(sid)
