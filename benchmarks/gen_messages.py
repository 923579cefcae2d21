#!/usr/bin/python3
"""Writes SQL that fills one folder with N messages (hierarchy rows with hot columns plus the
subject, sender and body property rows), as delivery would, for the folder-view benchmark.

usage: gen_messages.py STORE_ID FOLDER_ID N FIRST_ID > load.sql
"""
import sys

store, folder, n, first = (int(a) for a in sys.argv[1:5])
PR_SUBJECT, PR_SENDER_NAME, PR_BODY, PR_MESSAGE_CLASS = 0x0037001F, 0x0C1A001F, 0x1000001F, 0x001A001F
T0 = 1_600_000_000_000
BATCH = 500
out = sys.stdout
for start in range(0, n, BATCH):
    rows, props = [], []
    for i in range(start, min(n, start + BATCH)):
        oid = first + i
        t = T0 + i * 60_000
        subject = "Benchmark message %06d" % i
        sender = "Sender %03d" % (i % 500)
        rows.append("(%d,%d,%d,5,0,0,%d,%d,0,'IPM.Note','%s','%s',%d,2048,1,%d)"
                    % (oid, folder, store, t, t, subject, sender, t, i + 1))
        props.append("(%d,%d,31,'%s')" % (oid, PR_SUBJECT, subject))
        props.append("(%d,%d,31,'%s')" % (oid, PR_SENDER_NAME, sender))
        props.append("(%d,%d,31,'IPM.Note')" % (oid, PR_MESSAGE_CLASS))
        props.append("(%d,%d,31,'%s')" % (oid, PR_BODY, ("Body of message %d. " % i) * 20))
    out.write("INSERT INTO hierarchy (id,parent_id,store_id,type,flags,owner_id,created,modified,change_num,"
              "message_class,subject,sender_name,delivery_time,msg_size,msg_flags,imap_uid) VALUES\n"
              + ",\n".join(rows) + ";\n")
    out.write("INSERT INTO properties (hierarchy_id,tag,type,val_string) VALUES\n" + ",\n".join(props) + ";\n")
