#!/bin/sh
# Benchmark (not a test) of issue 13: how fast the web client shows a big Inbox and lets it be
# scrolled, and the server's memory with 100 open web sessions. For each N (default 10000 and
# 100000) a fresh private server (embedded H2 unless BENCH_DB=mariadb) with the web client on
# 127.0.0.1:18180, a user "bench" whose Inbox gets N messages over LMTP (benchmarks/lmtp_load.py,
# the store's real delivery path; the time is printed), then benchmarks/webaccess_bench.py:
#   api       the JSON API: logon, folders, the Inbox's first page of 100 (newest first), a page
#             in the middle, by subject, a quick search matching ~1% (median of 5 after 3 warm-ups)
#   browser   headless Chromium (Debian's chromium + chromedriver, python3-selenium): "Sign in"
#             clicked to the first row shown, the list scrolled to the middle until its rows are
#             shown (median of 3 positions), the rows in the DOM and the page's JS heap
#   sessions  100 users u1..u100 logged on through the API, each with its folders, first Inbox
#             page and api/events stream open: the JVM's heap after a full GC (jcmd) and its
#             resident memory before and after, the difference per session
# and, as the reference, Dovecot (Debian dovecot-imapd, maildir) with the same N messages over
# LMTP and the IMAP a webmail (Roundcube) asks of it for the same pages: UID SORT + UID FETCH of
# 100 envelopes.
#
#   flock /tmp/zcp-it.lock sh benchmarks/webaccess-bench.sh [N...]     (as root; ./zcp build first)
#   BENCH_DB=mariadb flock /tmp/zcp-it.lock sh benchmarks/webaccess-bench.sh 10000
#   SESSIONS=100 (users of the memory part), NO_BROWSER=1, NO_DOVECOT=1
#
# The figures mean something only on an otherwise idle machine (the reference machine has 2
# cores: a build or test run beside it doubles them). Outputs: target/bench-webaccess/N/.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
[ -n "${NO_DOVECOT:-}" ] || . "$BENCH_LIB/dovecot.sh"
[ $# -gt 0 ] || set -- 10000 100000
DB=${BENCH_DB:-h2}
BASE=18000
ZCP_WEB_PORT=$((BASE + 180)); export ZCP_WEB_PORT
SESSIONS=${SESSIONS:-100}
OUT=$ROOT/target/bench-webaccess
BENCH="/usr/bin/python3 $ROOT/benchmarks/webaccess_bench.py"
JDK_BIN=${JDK_BIN:-/usr/lib/jvm/temurin-25-jdk-amd64/bin}
JCMD=$JDK_BIN/jcmd
[ -x "$JCMD" ] || JCMD=$(command -v jcmd || true)
[ -n "$JCMD" ] || { echo "webaccess-bench: jcmd is needed (a JDK: $JDK_BIN)" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "webaccess-bench: run as root (Dovecot's maildir, python3-selenium)" >&2; exit 1; }

rm -rf "$OUT"; mkdir -p "$OUT"

# ---- the browser's parts ----------------------------------------------------------------------
BROWSER=yes
if [ -n "${NO_BROWSER:-}" ]; then
    BROWSER="off (NO_BROWSER)"
else
    if ! /usr/bin/python3 -c 'import selenium' 2> /dev/null; then
        echo "webaccess-bench: python3-selenium is missing: apt-get install -y python3-selenium" >&2
        apt-get install -y python3-selenium > "$OUT/apt.log" 2>&1 \
            || echo "webaccess-bench: apt-get install -y python3-selenium failed (see $OUT/apt.log)" >&2
        /usr/bin/python3 -c 'import selenium' 2> /dev/null || BROWSER="skipped: python3-selenium is not installed"
    fi
    for b in /usr/bin/chromium /usr/bin/chromedriver; do
        [ -x $b ] || BROWSER="skipped: $b is missing (apt-get install -y chromium chromium-driver)"
    done
fi
[ "$BROWSER" = yes ] || echo "webaccess-bench: browser part $BROWSER" >&2

trap 'zcp_stop; [ -n "${NO_DOVECOT:-}" ] || dovecot_stop' EXIT
trap 'exit 130' INT TERM
LOADAVG=$(cut -d ' ' -f 1-3 /proc/loadavg)
echo "webaccess-bench: zcp on $DB (web client http://127.0.0.1:$ZCP_WEB_PORT/webaccess/), Inboxes of $*" \
    "messages; reference Dovecot $(dovecot --version 2> /dev/null | cut -d ' ' -f 1) (maildir) over IMAP;" \
    "$(nproc) cores, load average before the run $LOADAVG"
echo "webaccess-bench: run it on an otherwise idle machine (2 cores): a build or test beside it makes the figures meaningless"

# deliver PORT RCPT N LABEL: N messages over LMTP (lmtp_load.py, 4 sessions), the progress every
# minute (PROGRESS: a command printing the count so far), the time taken in DELIVERED_S
deliver() {
    _t0=$(now_ms)
    ( set +e; /usr/bin/python3 "$ROOT/benchmarks/lmtp_load.py" 127.0.0.1 "$1" "$2" "$3"; _rc=$?
      now_ms > "$OUT/deliver.end"; exit $_rc ) &
    _dpid=$!
    _s=0
    while kill -0 $_dpid 2> /dev/null; do
        sleep 1; _s=$((_s + 1))
        if [ $((_s % 60)) -eq 0 ]; then
            echo "webaccess-bench: $4: $(eval "$PROGRESS" 2> /dev/null || echo '?') of $3 delivered after $_s s"
        fi
    done
    wait $_dpid || { echo "webaccess-bench: $4: LMTP delivery failed" >&2; exit 1; }
    DELIVERED_S=$(awk -v a="$_t0" -v b="$(cat "$OUT/deliver.end")" 'BEGIN { printf "%.1f", (b - a) / 1000 }')
}

for N in "$@"; do
    D=$OUT/$N
    mkdir -p "$D"
    # ---- this platform ------------------------------------------------------------------------
    zcp_configure "$D/zcp" $BASE "$DB" zarafa_webbench
    zcp_start
    zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
    # the memory part's users, made before anything is measured (two tools at a time)
    _t0=$(now_ms)
    seq 1 "$SESSIONS" | xargs -P 2 -I {} sh -c \
        'zarafa-admin -c u{} -p u{} -e u{}@example.com -f "User {}" > /dev/null' \
        || { echo "webaccess-bench: creating the users u1..u$SESSIONS failed" >&2; exit 1; }
    echo "webaccess-bench: zcp: $SESSIONS users made in $(( ($(now_ms) - _t0) / 1000 )) s"
    PROGRESS="$BENCH count 127.0.0.1 $ZCP_WEB_PORT bench bench"
    deliver "$ZCP_LMTP_PORT" bench@example.com "$N" "zcp"
    echo "RESULT zcp_delivery_$N $DELIVERED_S s   ($N messages over LMTP, 4 sessions:" \
        "$(awk -v n="$N" -v s="$DELIVERED_S" 'BEGIN { printf "%.0f", n / s }') messages/s)" | tee "$D/zcp-delivery.txt"
    $BENCH api 127.0.0.1 "$ZCP_WEB_PORT" bench bench "$N" | tee "$D/zcp-api.txt"
    if [ "$BROWSER" = yes ]; then
        $BENCH browser 127.0.0.1 "$ZCP_WEB_PORT" bench bench "$N" "$D/browser" | tee "$D/zcp-browser.txt"
    else
        echo "RESULT zcp_browser $BROWSER" | tee "$D/zcp-browser.txt"
    fi
    $BENCH sessions 127.0.0.1 "$ZCP_WEB_PORT" "$(zcp_pid)" "$JCMD" "$SESSIONS" | tee "$D/zcp-sessions.txt"
    zcp_stop

    # ---- the reference: Dovecot IMAP, maildir, the same messages --------------------------------
    [ -z "${NO_DOVECOT:-}" ] || continue
    dovecot_configure "$D/dovecot" $((BASE + 24)) $((BASE + 243))
    dovecot_start
    PROGRESS="find '$D/dovecot/mail/bench' -path '*/cur/*' -o -path '*/new/*' | wc -l"
    deliver "$DOVECOT_LMTP_PORT" bench "$N" "dovecot"
    echo "RESULT dovecot_delivery_$N $DELIVERED_S s   ($N messages over LMTP, 4 sessions)" | tee "$D/dovecot-delivery.txt"
    $BENCH imap 127.0.0.1 "$DOVECOT_IMAP_PORT" bench bench "$N" | tee "$D/dovecot.txt"
    dovecot_stop
done

# ---- side by side ------------------------------------------------------------------------------
value() { awk -v k="$1" '$1 == "RESULT" && $2 == k { print $3 }' "$2" 2> /dev/null; }
echo
echo "RESULT webaccess-bench: zcp on $DB, Dovecot maildir; milliseconds, medians (load average before the run: $LOADAVG)"
echo "RESULT (Dovecot's figure is the IMAP work a webmail such as Roundcube asks of Dovecot for the same page:"
echo "RESULT  UID SORT of the whole folder and UID FETCH of 100 envelopes; the webmail's own PHP and the browser come on top."
echo "RESULT  search: zcp's quick search looks in subject, sender name and address and To (substring), Dovecot's in SUBJECT only)"
for N in "$@"; do
    D=$OUT/$N
    for k in first_page middle_page subject_page subject_middle search; do
        z=$(value "zcp_api_$k" "$D/zcp-api.txt"); d=$(value "dovecot_imap_$k" "$D/dovecot.txt")
        printf 'RESULT %7s messages %-15s zcp API %8s ms   Dovecot IMAP %8s ms\n' "$N" "$k" "${z:--}" "${d:--}"
    done
    b=$(value zcp_browser_logon_to_list "$D/zcp-browser.txt"); s=$(value zcp_browser_scroll "$D/zcp-browser.txt")
    if [ -n "$b" ]; then
        printf 'RESULT %7s messages browser: Sign in to the Inbox shown %s ms, scrolled to the middle and shown %s ms,' "$N" "$b" "$s"
        printf ' %s rows in the DOM, JS heap %s kB\n' "$(value zcp_browser_dom_rows "$D/zcp-browser.txt")" \
            "$(value zcp_browser_js_heap "$D/zcp-browser.txt")"
    else
        printf 'RESULT %7s messages browser: %s\n' "$N" "$(sed -n 's/^RESULT zcp_browser //p' "$D/zcp-browser.txt")"
    fi
    printf 'RESULT %7s messages %s web sessions: heap %s kB per session (%s -> %s kB after a full GC), resident %s kB per session\n' \
        "$N" "$SESSIONS" "$(value zcp_heap_per_session "$D/zcp-sessions.txt")" "$(value zcp_heap_before "$D/zcp-sessions.txt")" \
        "$(value zcp_heap_with_sessions "$D/zcp-sessions.txt")" "$(value zcp_rss_per_session "$D/zcp-sessions.txt")"
    printf 'RESULT %7s messages delivery over LMTP: zcp %s s, Dovecot %s s\n' "$N" \
        "$(awk '{ print $3 }' "$D/zcp-delivery.txt")" "$(awk '{ print $3 }' "$D/dovecot-delivery.txt" 2> /dev/null)"
done
