#!/bin/sh
# Benchmark (not a test): LMTP delivery throughput with Postfix's smtp-source -L, against this
# platform and against Dovecot's LMTP server (Debian dovecot-lmtpd) in the same run.
#   benchmarks/lmtp-throughput.sh [messages] [sessions] [size-bytes]   (defaults 2000 4 4096)
# Needs ./zcp build, postfix (for smtp-source) and dovecot-lmtpd installed; run as root.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ZCP_HOME=$ROOT/appliance/target/zcp
N=${1:-2000}
SESSIONS=${2:-4}
SIZE=${3:-4096}
PORT=15236
LMTP=15003
DOVECOT_LMTP=15024
OUT=$ROOT/target/bench-lmtp
PATH=$ZCP_HOME/bin:$PATH
rm -rf "$OUT"; mkdir -p "$OUT/etc" "$OUT/run" "$OUT/lib/attachments" "$OUT/log" "$OUT/dovecot/mail"
export ZARAFA_CONFIG_DIR=$OUT/etc

now_ms() { date +%s%3N; }

# ---- this platform (embedded H2 unless BENCH_DB=mariadb) ------------------------------------
cat > "$OUT/etc/server.cfg" <<CFG
server_bind = 127.0.0.1
server_tcp_port = $PORT
pid_file = $OUT/run/zarafa-server.pid
local_admin_users = root $(id -un)
attachment_path = $OUT/lib/attachments
log_file = $OUT/log/server.log
CFG
if [ "${BENCH_DB:-h2}" = mariadb ]; then
    printf 'mysql_host = 127.0.0.1\nmysql_user = root\nmysql_password =\nmysql_database = zarafa_lmtpbench\n' \
        >> "$OUT/etc/server.cfg"
    mariadb -h 127.0.0.1 -u root -e 'DROP DATABASE IF EXISTS zarafa_lmtpbench'
fi
printf 'server_bind = 127.0.0.1\nlmtp_port = %s\nlmtp_max_threads = 20\nlookup_port = 15004\n' "$LMTP" > "$OUT/etc/dagent.cfg"
zarafa-server -c "$OUT/etc/server.cfg" > /dev/null
i=0
until curl -sf "http://127.0.0.1:$PORT/zarafa?wsdl" > /dev/null 2>&1 && zarafa-admin -l > /dev/null 2>&1; do
    i=$((i + 1)); [ $i -lt 180 ] || { echo "server did not start" >&2; exit 1; }
    sleep 1
done
zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
# warm-up: the first deliveries load classes and fill caches
smtp-source -L -s 2 -m 50 -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$LMTP"
T0=$(now_ms)
smtp-source -L -s "$SESSIONS" -m "$N" -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$LMTP"
T1=$(now_ms)
ZCP_MS=$((T1 - T0))
kill "$(cat "$OUT/run/zarafa-server.pid")"

# ---- Dovecot LMTP, maildir ------------------------------------------------------------------
cat > "$OUT/dovecot/dovecot.conf" <<CFG
base_dir = $OUT/dovecot/run
log_path = $OUT/dovecot/dovecot.log
protocols = lmtp
listen = 127.0.0.1
ssl = no
mail_location = maildir:$OUT/dovecot/mail/%n
first_valid_uid = 0
userdb {
  driver = static
  args = uid=mail gid=mail home=$OUT/dovecot/mail/%n
}
passdb {
  driver = static
  args = nopassword=y
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $DOVECOT_LMTP
  }
}
CFG
chown -R mail:mail "$OUT/dovecot/mail"
dovecot -c "$OUT/dovecot/dovecot.conf"
sleep 1
smtp-source -L -s 2 -m 50 -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$DOVECOT_LMTP"
T0=$(now_ms)
smtp-source -L -s "$SESSIONS" -m "$N" -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$DOVECOT_LMTP"
T1=$(now_ms)
DOVECOT_MS=$((T1 - T0))
doveadm -c "$OUT/dovecot/dovecot.conf" stop 2>/dev/null || pkill -f "dovecot -c $OUT/dovecot" || true
DELIVERED=$(ls "$OUT/dovecot/mail/bench/new" 2>/dev/null | wc -l)

awk -v n="$N" -v z="$ZCP_MS" -v d="$DOVECOT_MS" -v s="$SESSIONS" -v b="$SIZE" -v got="$DELIVERED" 'BEGIN {
    zr = n * 1000 / z; dr = n * 1000 / d
    printf "RESULT LMTP %d messages of %d bytes, %d sessions\n", n, b, s
    printf "RESULT zcp (%s):   %8.1f msg/s (%d ms)\n", ENVIRON["BENCH_DB"] == "" ? "h2" : ENVIRON["BENCH_DB"], zr, z
    printf "RESULT dovecot:    %8.1f msg/s (%d ms, %d in maildir)\n", dr, d, got
    printf "RESULT ratio zcp/dovecot: %.2f\n", zr / dr
}'
