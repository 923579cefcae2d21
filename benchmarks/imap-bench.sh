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
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
. "$BENCH_LIB/dovecot.sh"
N=${1:-10000}
OUT=$ROOT/target/bench-imap
rm -rf "$OUT"; mkdir -p "$OUT"

# ---- this platform (embedded H2 unless BENCH_DB=mariadb) ------------------------------------
zcp_configure "$OUT/zcp" 16000 "${BENCH_DB:-h2}" zarafa_imapbench
dovecot_configure "$OUT/dovecot" 16024 16243
trap 'zcp_stop; dovecot_stop' EXIT
trap 'exit 130' INT TERM
zcp_start
zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
zarafa-admin -u bench --enable-feature imap > /dev/null
T0=$(date +%s)
python3 "$ROOT/benchmarks/lmtp_load.py" 127.0.0.1 "$ZCP_LMTP_PORT" bench@example.com "$N"
echo "zcp: $N messages delivered in $(( $(date +%s) - T0 )) s"
python3 "$ROOT/benchmarks/imap_workload.py" 127.0.0.1 "$ZCP_IMAP_PORT" bench bench > "$OUT/zcp.txt"
RSS_ZCP=$(zcp_rss_kb)
zcp_stop
if [ -n "${ZCP_ONLY:-}" ]; then cat "$OUT/zcp.txt"; exit 0; fi

# ---- Dovecot IMAP, maildir ------------------------------------------------------------------
dovecot_start
python3 "$ROOT/benchmarks/lmtp_load.py" 127.0.0.1 "$DOVECOT_LMTP_PORT" bench "$N"
python3 "$ROOT/benchmarks/imap_workload.py" 127.0.0.1 "$DOVECOT_IMAP_PORT" bench bench > "$OUT/dovecot.txt"
RSS_DOVECOT=$(dovecot_rss_kb)
dovecot_stop

echo "RESULT IMAP workload on $N messages (zcp on ${BENCH_DB:-h2}, Dovecot maildir; same client)"
# higher is better for rates (/s), lower for times (ms): the ratio is zcp's speed relative to Dovecot's
paste "$OUT/zcp.txt" "$OUT/dovecot.txt" | awk -F '\t' '{
    split($1, a, " "); split($2, b, " ")
    ratio = (a[3] ~ /\/s$/) ? a[2] / b[2] : b[2] / a[2]
    printf "RESULT %-20s zcp %10.1f %-12s dovecot %10.1f %-12s ratio %.2f\n", a[1], a[2], a[3], b[2], b[3], ratio }'
echo "RESULT resident memory after the run: zcp ${RSS_ZCP} kB (the server's JVM: store, SOAP, LMTP, spooler and"\
    "gateways), dovecot ${RSS_DOVECOT} kB (its master and every process of it, summed)"
