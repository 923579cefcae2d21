#!/usr/bin/python3
"""calendar_soap.py URL USER PASSWORD FOLDER: what a MAPI client sees of the items CalDAV wrote
(python3-zeep over SOAP): one line per item of FOLDER (a folder below the user's IPM subtree, by
name) with its message class, subject and location (PidLidLocation, found through the server's
named-property ids), "IPM.Appointment|Planning|Room 4"."""
import sys

import zeep

PR_ENTRYID = 0x0FFF0102
PR_DISPLAY_NAME = 0x3001001F
PR_SUBJECT = 0x0037001F
PR_MESSAGE_CLASS = 0x001A001F
PSETID_APPOINTMENT = "00062002-0000-0000-C000-000000000046"

url, user, password, name = sys.argv[1:5]
client = zeep.Client(url + "?wsdl")
s, f = client.service, client.type_factory("urn:zarafa")
sid = s.logon(user, password, None, "calendar_soap.py").sessionId
subtree = s.getStore(sid, None).ipmSubtreeId
rows = s.queryHierarchy(sid, subtree, f.tableQuery(columns=[PR_DISPLAY_NAME, PR_ENTRYID], start=0, count=0,
                                                   flags=0)).rows
folder = next((r.props[1].bin.hex().upper() for r in rows if r.props[0].s == name), None)
if folder is None:
    sys.exit("no folder " + name)
location_id = s.getIDsFromNames(sid, [f.namedProp(guid=PSETID_APPOINTMENT, id=0x8208)], True)[0]
location = location_id << 16 | 0x001F
rows = s.queryContents(sid, folder, f.tableQuery(columns=[PR_MESSAGE_CLASS, PR_SUBJECT, location], start=0,
                                                 count=0, flags=0)).rows
for r in rows:
    print("|".join(p.s or "" for p in r.props))
