#!/bin/sh
# Benchmark (not a test): the same IMAP workload (benchmarks/imap_workload.py: logins, SELECT,
# FETCH envelopes/BODYSTRUCTURE/bodies, SEARCH, APPEND, STORE) against this platform and against
# Dovecot (Debian dovecot-imapd, maildir) on the same machine, each mailbox filled with the same
# N messages over LMTP (benchmarks/lmtp_load.py); prints every figure and the ratio zcp/dovecot.
#   benchmarks/imap-bench.sh [messages]        (default 10000)
# ZCP_ONLY=1 measures this platform alone; ZCP_JAVA_OPTS (e.g. a -XX:StartFlightRecording) is
# passed to the server's JVM for profiling.
# Needs ./zcp build, dovecot-imapd and dovecot-lmtpd installed; run as root.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ZCP_HOME=$ROOT/appliance/target/zcp
N=${1:-10000}
PORT=16236
LMTP=16003
IMAP=16143
DOVECOT_LMTP=16024
DOVECOT_IMAP=16243
OUT=$ROOT/target/bench-imap
PATH=$ZCP_HOME/bin:$PATH
rm -rf "$OUT"; mkdir -p "$OUT/etc" "$OUT/run" "$OUT/lib/attachments" "$OUT/log" "$OUT/dovecot/mail"
export ZARAFA_CONFIG_DIR=$OUT/etc

# ---- this platform (embedded H2 unless BENCH_DB=mariadb) ------------------------------------
cat > "$OUT/etc/server.cfg" <<CFG
server_bind = 127.0.0.1
server_tcp_port = $PORT
server_ssl_port = 16237
pid_file = $OUT/run/zarafa-server.pid
local_admin_users = root $(id -un)
attachment_path = $OUT/lib/attachments
log_file = $OUT/log/server.log
CFG
if [ "${BENCH_DB:-h2}" = mariadb ]; then
    printf 'mysql_host = 127.0.0.1\nmysql_user = root\nmysql_password =\nmysql_database = zarafa_imapbench\n' \
        >> "$OUT/etc/server.cfg"
    mariadb -h 127.0.0.1 -u root -e 'DROP DATABASE IF EXISTS zarafa_imapbench'
fi
printf 'server_bind = 127.0.0.1\nlmtp_port = %s\nlookup_port = 16004\n' "$LMTP" > "$OUT/etc/dagent.cfg"
printf 'server_bind = 127.0.0.1\nimap_port = %s\npop3_port = 16110\nlog_file = %s\n' "$IMAP" "$OUT/log/gateway.log" \
    > "$OUT/etc/gateway.cfg"
zarafa-server -c "$OUT/etc/server.cfg" > /dev/null
trap 'kill "$(cat "$OUT/run/zarafa-server.pid" 2>/dev/null)" 2>/dev/null; pkill -f "dovecot -c $OUT/dovecot" 2>/dev/null; true' EXIT
i=0
until curl -sf "http://127.0.0.1:$PORT/zarafa?wsdl" > /dev/null 2>&1 && zarafa-admin -l > /dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 180 ] || { echo "server did not start" >&2; exit 1; }
    sleep 1
done
zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
zarafa-admin -u bench --enable-feature imap > /dev/null
T0=$(date +%s)
python3 "$ROOT/benchmarks/lmtp_load.py" 127.0.0.1 "$LMTP" bench@example.com "$N"
echo "zcp: $N messages delivered in $(( $(date +%s) - T0 )) s"
python3 "$ROOT/benchmarks/imap_workload.py" 127.0.0.1 "$IMAP" bench bench > "$OUT/zcp.txt"
RSS_ZCP=$(ps -eo rss=,comm=,args= | awk -v out="$OUT/run" '$2 == "java" && index($0, out) { print $1; exit }')
kill "$(cat "$OUT/run/zarafa-server.pid")"
if [ -n "${ZCP_ONLY:-}" ]; then cat "$OUT/zcp.txt"; exit 0; fi

# ---- Dovecot IMAP, maildir ------------------------------------------------------------------
cat > "$OUT/dovecot/dovecot.conf" <<CFG
base_dir = $OUT/dovecot/run
log_path = $OUT/dovecot/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
mail_location = maildir:$OUT/dovecot/mail/%n
first_valid_uid = 0
userdb {
  driver = static
  args = uid=mail gid=mail home=$OUT/dovecot/mail/%n
}
passdb {
  driver = static
  args = password=bench
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $DOVECOT_LMTP
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $DOVECOT_IMAP
  }
  inet_listener imaps {
    port = 0
  }
}
CFG
chown -R mail:mail "$OUT/dovecot/mail"
dovecot -c "$OUT/dovecot/dovecot.conf"
sleep 1
python3 "$ROOT/benchmarks/lmtp_load.py" 127.0.0.1 "$DOVECOT_LMTP" bench "$N"
python3 "$ROOT/benchmarks/imap_workload.py" 127.0.0.1 "$DOVECOT_IMAP" bench bench > "$OUT/dovecot.txt"
RSS_DOVECOT=$(ps -o rss= -C dovecot,imap,imap-login,auth,lmtp,config,log,anvil,stats | awk '{s += $1} END {print s}')
doveadm -c "$OUT/dovecot/dovecot.conf" stop 2>/dev/null || pkill -f "dovecot -c $OUT/dovecot" || true

echo "RESULT IMAP workload on $N messages (zcp on ${BENCH_DB:-h2}, Dovecot maildir; same client)"
# higher is better for rates (/s), lower for times (ms): the ratio is zcp's speed relative to Dovecot's
paste "$OUT/zcp.txt" "$OUT/dovecot.txt" | awk -F '\t' '{
    split($1, a, " "); split($2, b, " ")
    ratio = (a[3] ~ /\/s$/) ? a[2] / b[2] : b[2] / a[2]
    printf "RESULT %-20s zcp %10.1f %-12s dovecot %10.1f %-12s ratio %.2f\n", a[1], a[2], a[3], b[2], b[3], ratio }'
echo "RESULT resident memory after the run: zcp ${RSS_ZCP} kB (the server's JVM: store, SOAP, LMTP, spooler and"\
    "gateways), dovecot ${RSS_DOVECOT} kB (its processes still running)"
