# A private zcp server for one benchmark (POSIX sh, sourced): its configuration, start, wait and
# stop, shared by the scripts in benchmarks/. Everything lives under one directory:
#   DIR/etc/{server,dagent,gateway,ical,webaccess}.cfg  DIR/run (pid file, admin token)  DIR/lib (H2, attachments)
#   DIR/log
# Ports are BASE + the manual's port: SOAP BASE+236 (TLS +237), LMTP BASE+3, lookups BASE+4,
# IMAP BASE+143, POP3 BASE+110, iCal/CalDAV BASE+80 (never the manual's 8080, which another
# server on the machine may hold; its TLS listener stays off). WebAccess is off (its default ports
# 80/443 may be another server's) unless the caller sets ZCP_WEB_PORT: then plain HTTP on that port
# (BASE+180 by convention), TLS off. Only the server started here is stopped, by its pid file;
# other WildFly processes on the machine are never touched.
#
#   . "$ROOT/benchmarks/lib/zcp-instance.sh"
#   zcp_configure "$DIR" 15000 [h2|mariadb [database]]    (default: BENCH_DB, else h2)
#   ZCP_WEB_PORT=15180 zcp_configure ...                     (with the web client on)
#   zcp_start; zarafa-admin ...; zcp_stop

BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "$0")" && pwd)/lib}
. "$BENCH_LIB/common.sh"

ZCP_HOME=${ZCP_HOME:-$(cd "$BENCH_LIB/../.." && pwd)/appliance/target/zcp}
[ -x "$ZCP_HOME/bin/zarafa-server" ] || { echo "no server in $ZCP_HOME: build it first (./zcp build)" >&2; exit 1; }
PATH=$ZCP_HOME/bin:$PATH

# zcp_configure DIR BASE [DB [DATABASE]]: a fresh DIR with the configuration files; with
# DB mariadb the database DATABASE (default zarafa_bench) on 127.0.0.1 is dropped first. Sets
# ZCP_DIR, ZCP_DB, ZCP_SOAP_PORT, ZCP_LMTP_PORT, ZCP_IMAP_PORT, ZCP_ICAL_PORT and ZARAFA_CONFIG_DIR (for the tools).
zcp_configure() {
    ZCP_DIR=$1
    ZCP_DB=${3:-${BENCH_DB:-h2}}
    ZCP_SOAP_PORT=$(($2 + 236))
    ZCP_LMTP_PORT=$(($2 + 3))
    ZCP_IMAP_PORT=$(($2 + 143))
    ZCP_ICAL_PORT=$(($2 + 80))
    rm -rf "$ZCP_DIR"; mkdir -p "$ZCP_DIR/etc" "$ZCP_DIR/run" "$ZCP_DIR/lib/attachments" "$ZCP_DIR/log"
    export ZARAFA_CONFIG_DIR=$ZCP_DIR/etc
    cat > "$ZCP_DIR/etc/server.cfg" <<CFG
server_bind = 127.0.0.1
server_tcp_port = $ZCP_SOAP_PORT
server_ssl_port = $(($2 + 237))
pid_file = $ZCP_DIR/run/zarafa-server.pid
local_admin_users = root $(id -un)
attachment_path = $ZCP_DIR/lib/attachments
log_file = $ZCP_DIR/log/server.log
CFG
    case $ZCP_DB in
        h2) ;;
        mariadb)
            printf 'mysql_host = 127.0.0.1\nmysql_user = root\nmysql_password =\nmysql_database = %s\n' \
                "${4:-zarafa_bench}" >> "$ZCP_DIR/etc/server.cfg"
            mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS ${4:-zarafa_bench}" ;;
        *) echo "unknown database '$ZCP_DB' (h2, mariadb)" >&2; exit 2 ;;
    esac
    printf 'server_bind = 127.0.0.1\nlmtp_port = %s\nlookup_port = %s\nlog_file = %s\n' "$ZCP_LMTP_PORT" $(($2 + 4)) \
        "$ZCP_DIR/log/dagent.log" > "$ZCP_DIR/etc/dagent.cfg"
    printf 'log_file = %s\n' "$ZCP_DIR/log/spooler.log" > "$ZCP_DIR/etc/spooler.cfg"
    printf 'server_bind = 127.0.0.1\nimap_port = %s\npop3_port = %s\nlog_file = %s\n' \
        "$ZCP_IMAP_PORT" $(($2 + 110)) "$ZCP_DIR/log/gateway.log" > "$ZCP_DIR/etc/gateway.cfg"
    printf 'server_bind = 127.0.0.1\nical_port = %s\nlog_file = %s\n' \
        "$ZCP_ICAL_PORT" "$ZCP_DIR/log/ical.log" > "$ZCP_DIR/etc/ical.cfg"
    if [ -n "${ZCP_WEB_PORT:-}" ]; then
        # the web client for a benchmark of it: HTTP on ZCP_WEB_PORT only
        printf 'server_bind = 127.0.0.1\nhttp_enable = yes\nhttp_port = %s\nhttps_enable = no\nlog_file = %s\n' \
            "$ZCP_WEB_PORT" "$ZCP_DIR/log/webaccess.log" > "$ZCP_DIR/etc/webaccess.cfg"
    else
        # the web client is not benchmarked: both its listeners off, nothing binds 80/443
        printf 'server_bind = 127.0.0.1\nhttp_enable = no\nhttps_enable = no\nlog_file = %s\n' \
            "$ZCP_DIR/log/webaccess.log" > "$ZCP_DIR/etc/webaccess.cfg"
    fi
}

# zcp_bench_users RCPT: the benchmarks' users on the running server: "bench" (password bench,
# address RCPT, IMAP enabled) and "warm" (warm@example.com, for warm-up deliveries)
zcp_bench_users() {
    zarafa-admin -c bench -p bench -e "$1" -f "Bench User" > /dev/null
    zarafa-admin -u bench --enable-feature imap > /dev/null
    zarafa-admin -c warm -p warm -e warm@example.com -f "Warm Up" > /dev/null
}

# zcp_pid: the pid of the running server (from its pid file), empty when none
zcp_pid() { cat "${ZCP_DIR:-/nonexistent}/run/zarafa-server.pid" 2>/dev/null || true; }

# zcp_start: starts the server configured by zcp_configure and waits until SOAP answers and the
# administrator can log on (at most 180 s); fails at once when the server process ends
zcp_start() {
    zarafa-server -c "$ZCP_DIR/etc/server.cfg" > "$ZCP_DIR/run/start.out" 2>&1 \
        || { cat "$ZCP_DIR/run/start.out" >&2; exit 1; }
    _pid=$(zcp_pid)
    _i=0
    until curl -sf "http://127.0.0.1:$ZCP_SOAP_PORT/zarafa?wsdl" > /dev/null 2>&1 \
            && [ -s "$ZCP_DIR/run/zarafa-admin.token" ] && zarafa-admin -l > /dev/null 2>&1; do
        if ! kill -0 "$_pid" 2>/dev/null; then
            echo "zcp: the server ended while starting; see $ZCP_DIR/run/zarafa-server.out" >&2
            tail -n 20 "$ZCP_DIR/run/zarafa-server.out" >&2
            exit 1
        fi
        _i=$((_i + 1)); [ $_i -lt 180 ] || { echo "zcp: server did not start in 180 s" >&2; zcp_stop; exit 1; }
        sleep 1
    done
}

# zcp_stop: stops the server of the pid file (TERM, then KILL after 90 s) and waits until it
# is gone; nothing happens when it is not running
zcp_stop() {
    _pid=$(zcp_pid)
    [ -n "$_pid" ] || return 0
    kill "$_pid" 2>/dev/null || { rm -f "$ZCP_DIR/run/zarafa-server.pid"; return 0; }
    _i=0
    while kill -0 "$_pid" 2>/dev/null; do
        _i=$((_i + 1))
        if [ $_i -ge 90 ]; then
            # the launcher shell and its JVM: only the processes of this server's tree
            for _p in $(pgrep -P "$_pid") "$_pid"; do kill -9 "$_p" 2>/dev/null || true; done
        fi
        sleep 1
    done
    rm -f "$ZCP_DIR/run/zarafa-server.pid"
}

# zcp_rss_kb: resident memory of the running server (the JVM and its launcher), in kB
zcp_rss_kb() { tree_rss_kb "$(zcp_pid)"; }
