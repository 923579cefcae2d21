#!/bin/sh
# Benchmark (not a test): LMTP delivery throughput with Postfix's smtp-source -L, against this
# platform and against Dovecot's LMTP server (Debian dovecot-lmtpd) in the same run.
#   benchmarks/lmtp-throughput.sh [messages] [sessions] [size-bytes]   (defaults 2000 4 4096)
# Needs ./zcp build, postfix (for smtp-source) and dovecot-lmtpd installed; run as root.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
. "$BENCH_LIB/dovecot.sh"
N=${1:-2000}
SESSIONS=${2:-4}
SIZE=${3:-4096}
OUT=$ROOT/target/bench-lmtp
rm -rf "$OUT"; mkdir -p "$OUT"

# ---- this platform (embedded H2 unless BENCH_DB=mariadb) ------------------------------------
zcp_configure "$OUT/zcp" 15000 "${BENCH_DB:-h2}" zarafa_lmtpbench
echo 'lmtp_max_threads = 20' >> "$OUT/zcp/etc/dagent.cfg"
dovecot_configure "$OUT/dovecot" 15024
trap 'zcp_stop; dovecot_stop' EXIT
trap 'exit 130' INT TERM
zcp_start
zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
# warm-up: the first deliveries load classes and fill caches
smtp-source -L -s 2 -m 50 -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$ZCP_LMTP_PORT"
T0=$(now_ms)
smtp-source -L -s "$SESSIONS" -m "$N" -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$ZCP_LMTP_PORT"
T1=$(now_ms)
ZCP_MS=$((T1 - T0))
zcp_stop

# ---- Dovecot LMTP, maildir ------------------------------------------------------------------
dovecot_start
smtp-source -L -s 2 -m 50 -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$DOVECOT_LMTP_PORT"
T0=$(now_ms)
smtp-source -L -s "$SESSIONS" -m "$N" -l "$SIZE" -f sender@example.org -t bench@example.com "127.0.0.1:$DOVECOT_LMTP_PORT"
T1=$(now_ms)
DOVECOT_MS=$((T1 - T0))
dovecot_stop
DELIVERED=$(ls "$OUT/dovecot/mail/bench/new" 2>/dev/null | wc -l)

awk -v n="$N" -v z="$ZCP_MS" -v d="$DOVECOT_MS" -v s="$SESSIONS" -v b="$SIZE" -v got="$DELIVERED" 'BEGIN {
    zr = n * 1000 / z; dr = n * 1000 / d
    printf "RESULT LMTP %d messages of %d bytes, %d sessions\n", n, b, s
    printf "RESULT zcp (%s):   %8.1f msg/s (%d ms)\n", ENVIRON["BENCH_DB"] == "" ? "h2" : ENVIRON["BENCH_DB"], zr, z
    printf "RESULT dovecot:    %8.1f msg/s (%d ms, %d in maildir)\n", dr, d, got
    printf "RESULT ratio zcp/dovecot: %.2f\n", zr / dr
}'
