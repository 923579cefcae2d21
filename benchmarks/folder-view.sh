#!/bin/sh
# Benchmark (not a test): time of the first page of a 100,000-message folder view over SOAP,
# sorted by delivery time (newest first), on the embedded H2 database and on MariaDB; then the
# same folder over IMAP (SELECT cold and warm, the last page with envelopes, SEARCH UNSEEN) and
# the server's resident memory after it.
#   benchmarks/folder-view.sh [messages]      (default 100000; needs ./zcp build first)
# The folder is filled with SQL while the server is stopped (as if delivered), then the server is
# started and queryContents is called with curl: the first call (cold caches) and the median of 20.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
N=${1:-100000}
. "$ZCP_HOME/bin/zcp-java"
H2JAR=$(ls "$ZCP_HOME"/modules/system/layers/base/com/h2database/h2/main/h2-*.jar | head -n 1)
trap 'zcp_stop' EXIT
trap 'exit 130' INT TERM

run() {
    DB=$1
    zcp_configure "$ROOT/target/bench-$DB" 15000 "$DB" zarafa_bench
    DIR=$ZCP_DIR
    PORT=$ZCP_SOAP_PORT
    zcp_start
    zarafa-admin -c bench -p bench -e bench@example.com -f "Bench User" > /dev/null
    SID=$(soap "logon" "<user>bench</user><password>bench</password><clientApp>bench</clientApp>" \
        | sed -n 's:.*<sessionId>\([^<]*\)</sessionId>.*:\1:p')
    INBOX=$(soap "getStore" "<sessionId>$SID</sessionId>" | sed -n 's:.*<inboxId>\([^<]*\)</inboxId>.*:\1:p')
    FOLDER=$(printf '%d' "0x$(printf '%s' "$INBOX" | tail -c 16)")
    zcp_stop

    echo "bench: loading $N messages into the Inbox ($DB)"
    if [ "$DB" = h2 ]; then
        q() { "$JAVA" -cp "$H2JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DIR/lib/zarafa;MODE=MySQL;DATABASE_TO_LOWER=TRUE" \
            -user sa -password zarafa -sql "$1" | sed -n '2p' | tr -d ' '; }
        STORE=$(q "SELECT store_id FROM hierarchy WHERE id = $FOLDER")
        FIRST=$(( $(q "SELECT MAX(id) FROM hierarchy") + 1 ))
        /usr/bin/python3 "$ROOT/benchmarks/gen_messages.py" "$STORE" "$FOLDER" "$N" "$FIRST" > "$DIR/load.sql"
        T0=$(date +%s)
        "$JAVA" -cp "$H2JAR" org.h2.tools.RunScript -url "jdbc:h2:file:$DIR/lib/zarafa;MODE=MySQL;DATABASE_TO_LOWER=TRUE" \
            -user sa -password zarafa -script "$DIR/load.sql"
        "$JAVA" -cp "$H2JAR" org.h2.tools.Shell -url "jdbc:h2:file:$DIR/lib/zarafa;MODE=MySQL;DATABASE_TO_LOWER=TRUE" \
            -user sa -password zarafa -sql "ALTER TABLE hierarchy ALTER COLUMN id RESTART WITH $((FIRST + N))" > /dev/null
    else
        STORE=$(mariadb -N -h 127.0.0.1 -u root zarafa_bench -e "SELECT store_id FROM hierarchy WHERE id = $FOLDER")
        FIRST=$(( $(mariadb -N -h 127.0.0.1 -u root zarafa_bench -e "SELECT MAX(id) FROM hierarchy") + 1 ))
        /usr/bin/python3 "$ROOT/benchmarks/gen_messages.py" "$STORE" "$FOLDER" "$N" "$FIRST" > "$DIR/load.sql"
        T0=$(date +%s)
        mariadb -h 127.0.0.1 -u root zarafa_bench < "$DIR/load.sql"
        mariadb -h 127.0.0.1 -u root zarafa_bench -e "ANALYZE TABLE hierarchy, properties" > /dev/null
    fi
    echo "bench: loaded in $(( $(date +%s) - T0 )) s"

    zcp_start
    SID=$(soap "logon" "<user>bench</user><password>bench</password><clientApp>bench</clientApp>" \
        | sed -n 's:.*<sessionId>\([^<]*\)</sessionId>.*:\1:p')
    QUERY="<sessionId>$SID</sessionId><folderId>$INBOX</folderId><query>
      <columns>268370178</columns><columns>3604511</columns><columns>203030559</columns>
      <columns>235274304</columns><columns>235405315</columns><columns>235339779</columns>
      <sort><tag>235274304</tag><descending>true</descending></sort><start>0</start><count>50</count><flags>0</flags></query>"
    FIRSTCALL=$(timed queryContents "$QUERY")
    soap queryContents "$QUERY" | grep -o '<rowCount>[0-9]*</rowCount>' | head -n 1 | sed 's/^/bench: /'
    TIMES=""
    for i in $(seq 1 20); do TIMES="$TIMES $(timed queryContents "$QUERY")"; done
    MEDIAN=$(printf '%s\n' $TIMES | sort -n | sed -n '10p')
    echo "RESULT $DB: first page of $N messages sorted by delivery time: first call ${FIRSTCALL} ms, median of 20 ${MEDIAN} ms"
    # the same folder over IMAP (issue 10: a 100,000-message folder opens and pages)
    zarafa-admin -u bench --enable-feature imap > /dev/null
    /usr/bin/python3 "$ROOT/benchmarks/store_bench.py" bigfolder 127.0.0.1 "$ZCP_IMAP_PORT" bench bench "$DB"
    /usr/bin/python3 "$ROOT/benchmarks/store_bench.py" mem "$(zcp_pid)" "$DB"
    zcp_stop
}

soap() {
    curl -s -H 'Content-Type: text/xml; charset=utf-8' -H "SOAPAction: \"\"" \
        --data-binary "<?xml version='1.0'?><S:Envelope xmlns:S='http://schemas.xmlsoap.org/soap/envelope/'><S:Body><z:$1 xmlns:z='urn:zarafa'>$2</z:$1></S:Body></S:Envelope>" \
        "http://127.0.0.1:$PORT/zarafa"
}

timed() {
    curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: text/xml; charset=utf-8' -H "SOAPAction: \"\"" \
        --data-binary "<?xml version='1.0'?><S:Envelope xmlns:S='http://schemas.xmlsoap.org/soap/envelope/'><S:Body><z:$1 xmlns:z='urn:zarafa'>$2</z:$1></S:Body></S:Envelope>" \
        "http://127.0.0.1:$PORT/zarafa" | awk '{ printf "%.1f", $1 * 1000 }'
}

run h2
run mariadb
