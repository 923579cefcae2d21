#!/bin/sh
# Benchmark (not a test): the store's figures of issue 10 against Dovecot (Debian dovecot-imapd
# and dovecot-lmtpd, maildir) on the same machine in one run, printed as one markdown table:
#   1. LMTP delivery: LMTP_MESSAGES distinct ~4 KB messages over LMTP_SESSIONS parallel sessions
#      (after WARMUP deliveries to another user), msg/s. A server runs for months, so the figures
#      are of a warm JVM: on 2 busy cores its just-in-time compiler needs some thousand deliveries
#      before the hot paths are compiled (measured: 95 msg/s after 300, 210 after 6,000, 290 after
#      14,000 of the same messages; on 2026-12-05 still 176 msg/s over the 6,000 warm-up and the
#      IMAP passes getting faster up to the fourth), so WARMUP is 12,000; Dovecot gets the same;
#   2. the IMAP workload on IMAP_MESSAGES messages in one INBOX (the delivered ones plus more),
#      run IMAP_WARMUP (8) times uncounted, then IMAP_PASSES (3) times, each figure the median of
#      the counted passes (the JIT needs more than one pass: the figures fell from the second pass
#      to the fourth, and 30 repetitions of FETCH 1:* BODYSTRUCTURE take it from 0.04 to 0.02 s;
#      one collection or store compaction in one pass does not decide a figure; each
#      pass APPENDs 100 messages and expunges them again): LOGIN + SELECT,
#      FETCH 1:* envelopes / BODYSTRUCTURE / BODY.PEEK[], SEARCH TEXT / FROM / UNFLAGGED,
#      STORE 1:1000 +FLAGS then -FLAGS, APPEND x 100; then the server's resident memory;
#   3. IDLE latency: IDLE_SAMPLES deliveries, ms from each LMTP 250 to "* n EXISTS";
#   4. a load run: LOAD_SESSIONS concurrent IMAP sessions, each a loop of SELECT / FETCH / STORE /
#      APPEND / IDLE (held 0.5 s) with a pause of LOAD_THINK_MS on average, while
#      LOAD_LMTP_SESSIONS sessions deliver LOAD_LMTP_RATE messages per second, for LOAD_SECONDS:
#      commands/s, p50/p99 per command kind, peak memory of the server's processes (RSS, and PSS
#      which counts pages shared by Dovecot's processes once).
# The client is benchmarks/store_bench.py (python3, standard library); messages are the same
# bytes on both servers and in every run. The ratio is >= 1 where zcp is better.
#
#   flock /tmp/zcp-it.lock benchmarks/store-bench.sh            (H2; needs ./zcp build first)
#   BENCH_DB=mariadb flock /tmp/zcp-it.lock benchmarks/store-bench.sh
#   LMTP_MESSAGES=300 IMAP_MESSAGES=300 LOAD_SECONDS=20 LOAD_SESSIONS=20 ... (a quick try)
# ZCP_JAVA_OPTS (e.g. -XX:StartFlightRecording=...) goes to the server's JVM. The full size takes
# about 6 minutes on 2 cores; figures taken while the machine does other work (a build) are not
# representative: the header prints the load average before the run. Run as root.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
. "$BENCH_LIB/dovecot.sh"

LMTP_MESSAGES=${LMTP_MESSAGES:-2000}
LMTP_SESSIONS=${LMTP_SESSIONS:-10}
IMAP_MESSAGES=${IMAP_MESSAGES:-5000}
WARMUP=${WARMUP:-12000}
IMAP_PASSES=${IMAP_PASSES:-3}
IMAP_WARMUP=${IMAP_WARMUP:-8}
IDLE_SAMPLES=${IDLE_SAMPLES:-10}
LOAD_SECONDS=${LOAD_SECONDS:-60}
LOAD_SESSIONS=${LOAD_SESSIONS:-200}
LOAD_LMTP_SESSIONS=${LOAD_LMTP_SESSIONS:-2}
export LOAD_LMTP_RATE=${LOAD_LMTP_RATE:-20} LOAD_THINK_MS=${LOAD_THINK_MS:-50}
[ "$IMAP_MESSAGES" -ge "$LMTP_MESSAGES" ] || IMAP_MESSAGES=$LMTP_MESSAGES
DB=${BENCH_DB:-h2}
OUT=$ROOT/target/bench-store-$DB   # per database: an H2 run is not wiped by the MariaDB run after it
RCPT=bench@example.com
BENCH="python3 $ROOT/benchmarks/store_bench.py"
rm -rf "$OUT"; mkdir -p "$OUT"
LOADAVG=$(cut -d ' ' -f 1-3 /proc/loadavg)

# measure NAME LMTP_PORT IMAP_PORT PID: every figure of one server into $OUT/NAME.txt
measure() {
    RES=$OUT/$1.txt
    printf 'lmtp_sessions %s\nidle_samples %s\nload_sessions %s\nload_lmtp_sessions %s\nload_seconds %s\n' \
        "$LMTP_SESSIONS" "$IDLE_SAMPLES" "$LOAD_SESSIONS" "$LOAD_LMTP_SESSIONS" "$LOAD_SECONDS" > "$RES"
    echo "store-bench: $1" >&2
    # warm-up: the first deliveries load classes and fill caches (another mailbox, same shapes)
    bench_deliver "$2" "$RCPT" >> "$RES"
    bench_fill "$2" "$RCPT" >> "$RES"
    $BENCH imap 127.0.0.1 "$3" bench bench "$IMAP_PASSES" "$IMAP_WARMUP" >> "$RES"
    $BENCH mem "$4" imap >> "$RES"
    $BENCH idle 127.0.0.1 "$3" "$2" bench bench "$RCPT" "$IDLE_SAMPLES" 600000 >> "$RES"
    $BENCH load 127.0.0.1 "$3" "$2" bench bench "$RCPT" "$LOAD_SECONDS" "$LOAD_SESSIONS" \
        "$LOAD_LMTP_SESSIONS" "$4" 700000 >> "$RES"
}

# ---- this platform (embedded H2 unless BENCH_DB=mariadb) ------------------------------------
zcp_configure "$OUT/zcp" 17000 "$DB" zarafa_storebench
dovecot_configure "$OUT/dovecot" 17024 17243
trap 'zcp_stop; dovecot_stop' EXIT
trap 'exit 130' INT TERM
zcp_start
zcp_bench_users "$RCPT"
measure zcp "$ZCP_LMTP_PORT" "$ZCP_IMAP_PORT" "$(zcp_pid)"
zcp_stop

# ---- Dovecot, maildir -----------------------------------------------------------------------
dovecot_start
measure dovecot "$DOVECOT_LMTP_PORT" "$DOVECOT_IMAP_PORT" "$(dovecot_pid)"
dovecot_stop
# with more IDLE sessions than fs.inotify.max_user_instances Dovecot's later ones poll instead
INOTIFY=$(grep -c 'Inotify instance limit' "$DOVECOT_DIR/dovecot.log" || true)
[ "$INOTIFY" != 0 ] || INOTIFY=

case $DB in
    h2) DBNAME="H2 (embedded)" ;;
    *) DBNAME="MariaDB $(mariadb -N -h 127.0.0.1 -u root -e 'SELECT VERSION()')" ;;
esac
MEM=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
$BENCH table "$OUT/zcp.txt" "$OUT/dovecot.txt" \
    "### store-bench: zcp on $DBNAME vs Dovecot $(dovecot --version | cut -d ' ' -f 1) (maildir), one run" \
    "Machine: $(nproc) CPUs (nproc), $MEM memory, Linux $(uname -r); load average before the run $LOADAVG." \
    "JVM warmed: $WARMUP LMTP deliveries before the timed ones; IMAP figures: median of $IMAP_PASSES passes after $IMAP_WARMUP uncounted ones." \
    "Sizes: LMTP $LMTP_MESSAGES messages (~4 KB, every tenth with a 4 KB attachment) over $LMTP_SESSIONS sessions;" \
    "IMAP on $IMAP_MESSAGES messages in INBOX; load $LOAD_SESSIONS IMAP sessions ($LOAD_THINK_MS ms mean pause) and" \
    "$LOAD_LMTP_SESSIONS LMTP sessions ($LOAD_LMTP_RATE msg/s offered) for $LOAD_SECONDS s; IDLE $IDLE_SAMPLES samples." \
    ${INOTIFY:+"Dovecot logged $INOTIFY times that its inotify limit was reached (fs.inotify.max_user_instances"} \
    ${INOTIFY:+"$(cat /proc/sys/fs/inotify/max_user_instances)): those IDLE sessions poll the mailbox instead."} | tee "$OUT/table.md"
