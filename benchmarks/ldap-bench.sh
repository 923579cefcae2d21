#!/bin/sh
# Benchmark (not a test): the ldap user plugin (issue 12) on a directory of USERS (10,000) users
# and NGROUPS (1,000) groups of MEMBERS (10) each, in a private slapd (Debian's, under target/, on
# a loopback port) and a private server (H2 or BENCH_DB=mariadb): zarafa-admin --sync the first
# time (every user gets a row and a store) and again (nothing changed), a first logon, the global
# address book listed over SOAP (median of RUNS), 100 names resolved in one call and one by one;
# beside the same questions put to slapd directly (ldapwhoami, ldapsearch): the floor. Figures
# taken while the machine does other work are not representative: the header prints the load.
#
#   flock /tmp/zcp-it.lock benchmarks/ldap-bench.sh            (needs ./zcp build first)
#   USERS=1000 NGROUPS=100 benchmarks/ldap-bench.sh             (a quick try)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"

USERS=${USERS:-10000}
NGROUPS=${NGROUPS:-1000}
MEMBERS=${MEMBERS:-10}
RUNS=${RUNS:-5}
DB=${BENCH_DB:-h2}
OUT=$ROOT/target/bench-ldap-$DB
LDAP_PORT=${LDAP_PORT:-15389}
SLAPD="sh $ROOT/itests/src/test/config/slapd.sh"
BENCH="/usr/bin/python3 $ROOT/benchmarks/ldap_bench.py"
trap 'zcp_stop 2>/dev/null || true; $SLAPD stop "$OUT/slapd" > /dev/null 2>&1 || true' EXIT
LOADAVG=$(cut -d ' ' -f 1-3 /proc/loadavg)
rm -rf "$OUT"; mkdir -p "$OUT"

# ---- the directory: ou=People and ou=Groups, users u00001.. with {SSHA} passwords ----------
$SLAPD start "$OUT/slapd" "$LDAP_PORT" > /dev/null
HASH=$(slappasswd -h '{SSHA}' -s bench-secret)
/usr/bin/python3 - "$USERS" "$NGROUPS" "$MEMBERS" "$HASH" "$OUT" <<'PY'
import random, sys
users, groups, members, hashed, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
rnd = random.Random(12)
first = ["Anna", "Bram", "Carla", "Daan", "Eva", "Finn", "Greta", "Hugo", "Iris", "Jan", "Kim", "Lars"]
last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters"]
with open(out + "/directory.ldif", "w") as f:
    f.write("dn: ou=People,dc=example,dc=com\nobjectClass: organizationalUnit\nou: People\n\n")
    f.write("dn: ou=Groups,dc=example,dc=com\nobjectClass: organizationalUnit\nou: Groups\n\n")
    for i in range(1, users + 1):
        uid = "u%05d" % i
        fn, ln = first[i % len(first)], last[(i // len(first)) % len(last)]
        f.write(f"dn: uid={uid},ou=People,dc=example,dc=com\nobjectClass: posixAccount\nobjectClass: inetOrgPerson\n"
                f"objectClass: zarafa-user\nuid: {uid}\ncn: {fn} {ln} {i}\nsn: {ln}\ngivenName: {fn}\n"
                f"uidNumber: {10000 + i}\ngidNumber: 10000\nhomeDirectory: /home/{uid}\nmail: {uid}@example.com\n"
                f"zarafaAliases: {fn.lower()}.{i}@example.com\nuserPassword: {hashed}\nzarafaAccount: 1\n\n")
    for g in range(1, groups + 1):
        f.write(f"dn: cn=g{g:04d},ou=Groups,dc=example,dc=com\nobjectClass: posixGroup\nobjectClass: zarafa-group\n"
                f"cn: g{g:04d}\ngidNumber: {20000 + g}\nmail: g{g:04d}@example.com\nzarafaAccount: 1\n")
        for m in rnd.sample(range(1, users + 1), min(members, users)):
            f.write("memberUid: u%05d\n" % m)
        f.write("\n")
with open(out + "/names.txt", "w") as f:
    for i in rnd.sample(range(1, users + 1), 100):
        f.write("u%05d\n" % i)
PY

# ---- the server, started before the directory is filled (zcp_start lists the users) ----------
zcp_configure "$OUT/zcp" 15000 "$DB"
sed -e "s|^ldap_host *=.*|ldap_host = 127.0.0.1|" -e "s|^ldap_port *=.*|ldap_port = $LDAP_PORT|" \
    -e "s|^!propmap.*||" "$ROOT/appliance/src/main/etc/ldap.openldap.cfg" > "$OUT/zcp/etc/ldap.cfg"
printf 'user_plugin = ldap\nuser_plugin_config = %s\n' "$OUT/zcp/etc/ldap.cfg" >> "$OUT/zcp/etc/server.cfg"
zcp_start
t0=$(now_ms)
$SLAPD load "$OUT/slapd" "$LDAP_PORT" "$OUT/directory.ldif" > /dev/null
t1=$(now_ms)
echo "ldap-bench: $USERS users and $NGROUPS groups loaded into slapd in $(( (t1 - t0) / 1000 )) s" >&2

t0=$(now_ms); zarafa-admin --sync > "$OUT/sync1.txt"; t1=$(now_ms)
SYNC1=$(( t1 - t0 ))
t0=$(now_ms); zarafa-admin --sync > "$OUT/sync2.txt"; t1=$(now_ms)
SYNC2=$(( t1 - t0 ))
USERS_LISTED=$(zarafa-admin -l | grep -c '^\s*u[0-9]' || true)
# every synchronised user must have its store: the users without one are counted
# (a failing --list-orphans ends the run: set -e; grep -c alone may find nothing)
zarafa-admin --list-orphans > "$OUT/orphans.txt"
NO_STORE=$(sed -n '/^Users without stores/,$p' "$OUT/orphans.txt" | grep -c '^\s*u[0-9]' || true)
# warm the JVM on the SOAP paths, then measure
$BENCH zcp "http://127.0.0.1:$ZCP_SOAP_PORT/zarafa" u00002 bench-secret "$OUT/names.txt" 2 > /dev/null
$BENCH zcp "http://127.0.0.1:$ZCP_SOAP_PORT/zarafa" u00001 bench-secret "$OUT/names.txt" "$RUNS" > "$OUT/zcp.txt"
echo "rss $(zcp_rss_kb)" >> "$OUT/zcp.txt"
$BENCH ldap "ldap://127.0.0.1:$LDAP_PORT" dc=example,dc=com cn=Manager,dc=example,dc=com secret \
    uid=u00003,ou=People,dc=example,dc=com bench-secret "$OUT/names.txt" "$RUNS" > "$OUT/ldap.txt"
REALM=$(grep -ho "realm zarafa-[a-z]*" "$OUT/zcp/run/zarafa-server.out" | tail -n 1)
zcp_stop
# the same logons with ldap_authentication_method = password: the plugin realm compares the
# {SSHA} of userPassword itself (read as the bind user), where the bind method above is Elytron's
# ldap-realm binding as each user
sed -i -e "s|^ldap_authentication_method *=.*|ldap_authentication_method = password|" "$OUT/zcp/etc/ldap.cfg"
zcp_start
$BENCH logons "http://127.0.0.1:$ZCP_SOAP_PORT/zarafa" bench-secret "$OUT/names.txt" > /dev/null
$BENCH logons "http://127.0.0.1:$ZCP_SOAP_PORT/zarafa" bench-secret "$OUT/names.txt" > "$OUT/zcp-password.txt"
REALM2=$(grep -ho "realm zarafa-[a-z]*" "$OUT/zcp/run/zarafa-server.out" | tail -n 1)
zcp_stop

v() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
echo
echo "LDAP directory: $USERS users, $NGROUPS groups of $MEMBERS; server on $DB; load average before: $LOADAVG"
echo
echo "| operation | zcp | slapd directly |"
echo "|---|---|---|"
echo "| zarafa-admin --sync, first (rows and stores for $USERS_LISTED users; $NO_STORE without a store) | $(echo "scale=1; $SYNC1 / 1000" | bc) s | - |"
echo "| zarafa-admin --sync, nothing changed | $(echo "scale=1; $SYNC2 / 1000" | bc) s | - |"
echo "| first logon (bind) | $(v logon_first "$OUT/zcp.txt") s | $(v logon_first "$OUT/ldap.txt") s (ldapwhoami) |"
echo "| logon again | $(v logon_again "$OUT/zcp.txt") s | - |"
echo "| 100 logons of other users, bind ($REALM) | $(v logon_each "$OUT/zcp.txt") s | $(v logon_each "$OUT/ldap.txt") s (100 ldapwhoami) |"
echo "| 100 logons of other users, password comparison ($REALM2) | $(v logon_each "$OUT/zcp-password.txt") s | - |"
echo "| global address book, $(v gal_entries "$OUT/zcp.txt") entries (median of $RUNS) | $(v gal "$OUT/zcp.txt") s | $(v gal "$OUT/ldap.txt") s ($(v gal_entries "$OUT/ldap.txt") users, ldapsearch) |"
echo "| 100 names resolved in one call | $(v resolve_batch "$OUT/zcp.txt") s ($(v resolve_batch_resolved "$OUT/zcp.txt") resolved) | - |"
echo "| 100 names resolved one call each | $(v resolve_each "$OUT/zcp.txt") s | $(v resolve_each "$OUT/ldap.txt") s (100 ldapsearch) |"
echo "| server memory (RSS) | $(( $(v rss "$OUT/zcp.txt") / 1024 )) MB | - |"
