#!/usr/bin/python3
"""The client side of benchmarks/ldap-bench.sh: the server's SOAP operations on an LDAP-backed
directory, and the same questions asked of slapd itself with ldapsearch/ldapwhoami (the floor
any LDAP-backed server stands on). Each command prints "key value" lines (seconds).

  zcp URL USER PASSWORD NAMES_FILE RUNS   first logon of USER, then the GAL listing (median of
                                          RUNS), 100 names resolved in one call and in 100 calls,
                                          100 logons (and logoffs) of the users NAMES_FILE names
  logons URL PASSWORD NAMES_FILE          only those 100 logons
  ldap URI BASE BINDDN BINDPW USERDN PASSWORD NAMES_FILE RUNS
                                          a bind as USERDN, listing every user (median of RUNS),
                                          100 names looked up one search each, 100 binds as them
"""
import statistics
import subprocess
import sys
import time

import zeep


def timed(f):
    t = time.monotonic()
    r = f()
    return time.monotonic() - t, r


def zcp(url, user, password, names_file, runs):
    names = [n.strip() for n in open(names_file) if n.strip()]
    client = zeep.Client(url + "?wsdl")
    svc = client.service
    t, logon = timed(lambda: svc.logon(user, password, None, "ldap-bench"))
    print("logon_first %.3f" % t)
    t, _ = timed(lambda: svc.logon(user, password, None, "ldap-bench"))
    print("logon_again %.3f" % t)
    sid = logon.sessionId
    times = []
    count = 0
    for _ in range(runs):
        t, entries = timed(lambda: svc.getGlobalAddressBook(sid))
        times.append(t)
        count = len(entries)
    print("gal_entries %d" % count)
    print("gal %.3f" % statistics.median(times))
    t, resolved = timed(lambda: svc.resolveNames(sid, names))
    ok = sum(1 for r in resolved if r.status == 0)
    print("resolve_batch %.3f" % t)
    print("resolve_batch_resolved %d" % ok)
    t, _ = timed(lambda: [svc.resolveNames(sid, [n]) for n in names])
    print("resolve_each %.3f" % t)
    logons(svc, password, names)


def logons(svc, password, names):
    """100 password logons of different users, each with its logoff: through the security domain."""
    def one(n):
        svc.logoff(svc.logon(n, password, None, "ldap-bench").sessionId)
    t, _ = timed(lambda: [one(n) for n in names])
    print("logon_each %.3f" % t)


def ldap(uri, base, binddn, bindpw, userdn, password, names_file, runs):
    names = [n.strip() for n in open(names_file) if n.strip()]
    common = ["-x", "-H", uri, "-D", binddn, "-w", bindpw, "-LLL", "-b", base]

    def run(args):
        p = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        return p.stdout

    t, _ = timed(lambda: run(["ldapwhoami", "-x", "-H", uri, "-D", userdn, "-w", password]))
    print("logon_first %.3f" % t)
    times = []
    count = 0
    for _ in range(runs):
        t, out = timed(lambda: run(["ldapsearch"] + common + ["-E", "pr=1000/noprompt",
                                    "(objectClass=posixAccount)", "uid", "cn", "mail"]))
        times.append(t)
        count = out.count(b"\ndn: ") + (1 if out.startswith(b"dn: ") else 0)
    print("gal_entries %d" % count)
    print("gal %.3f" % statistics.median(times))
    t, _ = timed(lambda: [run(["ldapsearch"] + common + ["(&(objectClass=posixAccount)(uid=%s))" % n, "uid", "cn",
                                                         "mail"]) for n in names])
    print("resolve_each %.3f" % t)
    dn = userdn.split(",", 1)[1]
    t, _ = timed(lambda: [run(["ldapwhoami", "-x", "-H", uri, "-D", "uid=%s,%s" % (n, dn), "-w", password])
                          for n in names])
    print("logon_each %.3f" % t)


if __name__ == "__main__":
    if sys.argv[1] == "zcp":
        zcp(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    elif sys.argv[1] == "logons":
        url, password, names_file = sys.argv[2:5]
        logons(zeep.Client(url + "?wsdl").service, password, [n.strip() for n in open(names_file) if n.strip()])
    elif sys.argv[1] == "ldap":
        ldap(*sys.argv[2:8], sys.argv[8], int(sys.argv[9]))
    else:
        sys.exit(__doc__)
