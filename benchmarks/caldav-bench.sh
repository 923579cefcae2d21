#!/bin/sh
# Benchmark (not a test): zarafa-ical's CalDAV (issue 11) against Radicale (Debian radicale 3.1,
# its own configuration and storage under target/, a loopback port) on the same machine in one
# run, printed as one markdown table: EVENTS events imported into one calendar as one
# whole-calendar PUT, PUT_N (500) more PUT one by one into it (events/s), then a PROPFIND of the
# calendar, a calendar-query for one month, a calendar-multiget of every event and a
# sync-collection after one change (seconds, medians; benchmarks/caldav_bench.py says how).
# Both servers first get WARMUP_EVENTS events and the same reads in another calendar, so the JVM
# is measured warm. The ratio is >= 1 where zcp is better. Figures taken while the machine does
# other work (a build) are not representative: the header prints the load average.
#
#   flock /tmp/zcp-it.lock benchmarks/caldav-bench.sh                 (H2; needs ./zcp build first)
#   BENCH_DB=mariadb flock /tmp/zcp-it.lock benchmarks/caldav-bench.sh
#   EVENTS=1000 WARMUP_EVENTS=200 benchmarks/caldav-bench.sh          (a quick try)
#   ONLY=zcp benchmarks/caldav-bench.sh     (zcp again, beside the Radicale figures of the last run:
#                                            Radicale takes most of the 25 minutes at full size)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"

EVENTS=${EVENTS:-10000}
WARMUP_EVENTS=${WARMUP_EVENTS:-500}
DB=${BENCH_DB:-h2}
OUT=$ROOT/target/bench-caldav-$DB
RADICALE_PORT=${RADICALE_PORT:-15232}
BENCH="/usr/bin/python3 $ROOT/benchmarks/caldav_bench.py"
command -v radicale > /dev/null || [ -x /usr/bin/radicale ] || {
    echo "caldav-bench: radicale is needed: apt-get install radicale" >&2; exit 1; }
ONLY=${ONLY:-}
RADICALE_PID=
trap '[ -z "$RADICALE_PID" ] || kill $RADICALE_PID 2>/dev/null || true; zcp_stop 2>/dev/null || true' EXIT
LOADAVG=$(cut -d ' ' -f 1-3 /proc/loadavg)
if [ "$ONLY" = zcp ] && [ -s "$OUT/radicale.txt" ]; then
    rm -rf "$OUT/zcp" "$OUT/zcp.txt"
else
rm -rf "$OUT"; mkdir -p "$OUT/radicale/storage"

# ---- Radicale: no authentication (any user name is its own principal), its storage here ----
cat > "$OUT/radicale/config" <<CFG
[server]
hosts = 127.0.0.1:$RADICALE_PORT
max_content_length = 100000000
[auth]
type = none
[rights]
type = owner_only
[storage]
filesystem_folder = $OUT/radicale/storage
[logging]
level = warning
CFG
/usr/bin/python3 -m radicale --config "$OUT/radicale/config" > "$OUT/radicale/out.log" 2>&1 &
RADICALE_PID=$!
wait_port "$RADICALE_PORT" 30
for c in cal warm; do
    curl -sf -u bench:bench -X MKCALENDAR "http://127.0.0.1:$RADICALE_PORT/bench/$c/" > /dev/null \
        || { echo "caldav-bench: MKCALENDAR on Radicale failed" >&2; exit 1; }
done
echo "caldav-bench: Radicale on $RADICALE_PORT: $EVENTS events (after $WARMUP_EVENTS to warm up)" >&2
$BENCH 127.0.0.1 "$RADICALE_PORT" bench bench /bench/cal/ "$EVENTS" /bench/cal/ /bench/warm/ "$WARMUP_EVENTS" \
    > "$OUT/radicale.txt"
echo "rss $(tree_rss_kb $RADICALE_PID) kB" >> "$OUT/radicale.txt"
kill $RADICALE_PID; wait $RADICALE_PID 2>/dev/null || true
RADICALE_PID=
fi

# ---- zcp: a private server; the bench user's Calendar, and a calendar to warm up in ----------
zcp_configure "$OUT/zcp" 15000 "$DB"
zcp_start
zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
curl -sf -u bench:bench -X MKCALENDAR "http://127.0.0.1:$ZCP_ICAL_PORT/caldav/bench/warm/" > /dev/null \
    || { echo "caldav-bench: MKCALENDAR on zcp failed" >&2; exit 1; }
echo "caldav-bench: zcp ($DB) on $ZCP_ICAL_PORT: $EVENTS events (after $WARMUP_EVENTS to warm up)" >&2
$BENCH 127.0.0.1 "$ZCP_ICAL_PORT" bench bench /caldav/bench/Calendar/ "$EVENTS" /ical/bench/Calendar \
    /caldav/bench/warm/ "$WARMUP_EVENTS" > "$OUT/zcp.txt"
echo "rss $(zcp_rss_kb) kB" >> "$OUT/zcp.txt"
zcp_stop

# ---- the table ---------------------------------------------------------------------------------
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
echo
echo "CalDAV, $EVENTS events in one calendar ($DB; load average before the run: $LOADAVG)"
echo
echo "| figure | zcp | Radicale | zcp/Radicale |"
echo "|---|---|---|---|"
for k in import put propfind query multiget sync rss; do
    z=$(value $k "$OUT/zcp.txt"); r=$(value $k "$OUT/radicale.txt")
    case $k in
        import|put) unit="events/s"; ratio=$(awk -v z="$z" -v r="$r" 'BEGIN { printf "%.2f", z / r }') ;;
        rss) unit="kB"; ratio=$(awk -v z="$z" -v r="$r" 'BEGIN { printf "%.2f", r / z }') ;;
        *) unit="s"; ratio=$(awk -v z="$z" -v r="$r" 'BEGIN { printf "%.2f", (z > 0 ? r / z : 0) }') ;;
    esac
    echo "| $k | $z $unit | $r $unit | $ratio |"
done
echo
echo "(query: one month, $(sed -n 's/^query .*(\(.*\) events)/\1/p' "$OUT/zcp.txt") events from zcp," \
    "$(sed -n 's/^query .*(\(.*\) events)/\1/p' "$OUT/radicale.txt") from Radicale; ratios >= 1 where zcp is better)"
