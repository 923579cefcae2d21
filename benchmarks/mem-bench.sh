#!/bin/sh
# Benchmark (not a test): the server's memory after store-bench.sh's IMAP workload, in a few
# minutes, for tuning the JVM and WildFly (issue 10). One private server (H2 unless
# BENCH_DB=mariadb): WARMUP deliveries to another user, LMTP_MESSAGES timed ones over
# LMTP_SESSIONS sessions, more up to IMAP_MESSAGES, the IMAP workload twice (figures of the second
# pass), then the resident memory of the server (RSS/PSS), its threads, heap and, with
# NMT=summary, the JVM's native memory by category. Prints "key value" lines; the raw output is
# left in target/bench-mem/.
#
#   flock /tmp/zcp-it.lock benchmarks/mem-bench.sh               (needs ./zcp build first)
#   NMT=summary flock /tmp/zcp-it.lock benchmarks/mem-bench.sh   (NMT costs a little memory itself)
# ZCP_JAVA_OPTS goes to the server's JVM as with store-bench.sh.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
. "$ROOT/appliance/src/main/bin/zcp-java"

LMTP_MESSAGES=${LMTP_MESSAGES:-2000}
LMTP_SESSIONS=${LMTP_SESSIONS:-10}
IMAP_MESSAGES=${IMAP_MESSAGES:-5000}
WARMUP=${WARMUP:-200}
NMT=${NMT:-}
[ "$IMAP_MESSAGES" -ge "$LMTP_MESSAGES" ] || IMAP_MESSAGES=$LMTP_MESSAGES
OUT=$ROOT/target/bench-mem
RCPT=bench@example.com
BENCH="python3 $ROOT/benchmarks/store_bench.py"
JCMD=$JAVA_HOME/bin/jcmd
rm -rf "$OUT"; mkdir -p "$OUT"
[ -z "$NMT" ] || export ZCP_JAVA_OPTS="${ZCP_JAVA_OPTS:-} -XX:NativeMemoryTracking=$NMT"
# WildFly's own listeners (default web 28080/28443, management 9990) moved out of the way of a
# development server on the same machine, and of this instance's own ports (18000 + the manual's:
# iCal on 18080)
export ZCP_JAVA_OPTS="-Djboss.http.port=18880 -Djboss.https.port=18843 -Djboss.management.http.port=19990 ${ZCP_JAVA_OPTS:-}"

zcp_configure "$OUT/zcp" 18000
trap 'zcp_stop' EXIT
trap 'exit 130' INT TERM
T0=$(now_ms)
zcp_start
echo "start_s $(( ($(now_ms) - T0) / 1000 ))"
PID=$(zcp_pid)
$BENCH mem "$PID" started
[ -z "$NMT" ] || $JCMD "$PID" VM.native_memory summary scale=MB > "$OUT/nmt-started.txt" 2>&1 || true
zcp_bench_users "$RCPT"
bench_deliver "$ZCP_LMTP_PORT" "$RCPT"
$BENCH mem "$PID" delivered
bench_fill "$ZCP_LMTP_PORT" "$RCPT"
$BENCH imap 127.0.0.1 "$ZCP_IMAP_PORT" bench bench 1 1
$BENCH mem "$PID" imap | tee "$OUT/imap-mem.txt"
cp "/proc/$PID/smaps" "$OUT/smaps.txt" 2>/dev/null || true
echo "threads $(awk '/^Threads:/ { print $2 }' "/proc/$PID/status")"
$JCMD "$PID" GC.heap_info > "$OUT/heap.txt" 2>&1 || true
# the heap's committed size (serial collector: young + old generation), and the rest of the RSS:
# the heap's size varies from run to run with the collector's timing, the rest much less
HEAP_KB=$(sed -n 's/^\(DefNew\|Tenured\|PSYoungGen\|ParOldGen\) *total \([0-9]*\)K.*/\2/p; s/.* committed \([0-9]*\)K, used.*/\1/p' \
    "$OUT/heap.txt" | awk '{ s += $1 } END { print s + 0 }')
echo "heap_committed_kb $HEAP_KB"
echo "nonheap_rss_kb $(( $(sed -n 's/^imap_rss_kb //p' "$OUT/imap-mem.txt") - HEAP_KB ))"
$JCMD "$PID" VM.classloader_stats > "$OUT/classloaders.txt" 2>&1 || true
$JCMD "$PID" Thread.print > "$OUT/threads.txt" 2>&1 || true
[ -z "$NMT" ] || $JCMD "$PID" VM.native_memory summary scale=MB > "$OUT/nmt.txt" 2>&1 || true
# one line per NMT category: committed MB
[ -z "$NMT" ] || sed -n 's/^-  *\([A-Za-z][A-Za-z ]*[a-z]\) (reserved=[0-9]*MB, committed=\([0-9]*\)MB).*/nmt \1 \2/p' \
    "$OUT/nmt.txt" | tr -s ' ' | sed 's/^nmt \(.*\) \([0-9]*\)$/nmt_\1 \2/; s/ /_/g; s/_\([0-9]*\)$/ \1/'
[ -z "$NMT" ] || sed -n 's/^Total: reserved=[0-9]*MB, committed=\([0-9]*\)MB.*/nmt_total \1/p' "$OUT/nmt.txt"
# what the heap holds after a full collection (the histogram collects first), and the classes
$JCMD "$PID" GC.class_histogram > "$OUT/histogram.txt" 2>&1 || true
$JCMD "$PID" GC.heap_info > "$OUT/heap-after-gc.txt" 2>&1 || true
$JCMD "$PID" PerfCounter.print 2>/dev/null | sed -n 's/^java.cls.loadedClasses=/classes_loaded /p; s/^java.cls.unloadedClasses=/classes_unloaded /p'
sed -n 's/^Total *[0-9]* *\([0-9]*\)$/heap_live_kb \1/p' "$OUT/histogram.txt" | awk '{ print $1, int($2 / 1024) }'
