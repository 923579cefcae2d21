# Shared helpers of the benchmark scripts (POSIX sh, sourced by zcp-instance.sh and dovecot.sh).

# now_ms: the wall clock in milliseconds
now_ms() { date +%s%3N; }

# wait_port PORT [SECONDS]: waits until something accepts connections on 127.0.0.1:PORT
wait_port() {
    python3 - "$1" "${2:-30}" <<'PY'
import socket, sys, time
port, limit = int(sys.argv[1]), time.monotonic() + float(sys.argv[2])
while True:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        break
    except OSError:
        if time.monotonic() > limit:
            sys.exit("nothing listens on port %d" % port)
        time.sleep(0.1)
PY
}

# tree_rss_kb PID: resident memory (kB) of PID and all its descendants, summed; one server's
# whole process tree (the JVM and its launcher shell; Dovecot's master and every child)
tree_rss_kb() {
    ps -eo pid=,ppid=,rss= | awk -v root="$1" '
        { parent[$1] = $2; rss[$1] = $3 }
        END {
            for (p in parent) {
                q = p
                for (depth = 0; q != "" && q != 0 && depth < 20; depth++) {
                    if (q == root) { sum += rss[p]; break }
                    q = parent[q]
                }
            }
            print sum + 0
        }'
}

# The benchmark mailbox of store-bench.sh and mem-bench.sh, on either server (BENCH, WARMUP,
# LMTP_SESSIONS, LMTP_MESSAGES and IMAP_MESSAGES set by the script):
# bench_deliver LMTP_PORT RCPT: WARMUP deliveries to warm@example.com (the JVM's warm-up, another
#   mailbox, same shapes), then the LMTP_MESSAGES timed ones to RCPT ("lmtp_rate" and its kin)
# bench_fill LMTP_PORT RCPT: more deliveries to RCPT up to IMAP_MESSAGES
bench_deliver() {
    $BENCH deliver 127.0.0.1 "$1" warm@example.com 500000 "$WARMUP" "$LMTP_SESSIONS" warm
    $BENCH deliver 127.0.0.1 "$1" "$2" 0 "$LMTP_MESSAGES" "$LMTP_SESSIONS" lmtp
}
bench_fill() {
    [ "$IMAP_MESSAGES" -le "$LMTP_MESSAGES" ] \
        || $BENCH deliver 127.0.0.1 "$1" "$2" "$LMTP_MESSAGES" $((IMAP_MESSAGES - LMTP_MESSAGES)) "$LMTP_SESSIONS" fill
}
