# A private Dovecot (Debian dovecot-imapd / dovecot-lmtpd, maildir) as the reference of a
# benchmark (POSIX sh, sourced): its configuration, start and stop by its own master.pid, so a
# Dovecot of the system or of another run is never touched. Everything lives under one directory:
#   DIR/dovecot.conf  DIR/run (base_dir, master.pid)  DIR/mail/<user> (maildir)  DIR/dovecot.log
# Any user logs in with the password "bench"; every recipient is accepted (static userdb).
#
#   . "$ROOT/benchmarks/lib/dovecot.sh"
#   dovecot_configure "$DIR" LMTP_PORT [IMAP_PORT]    (no IMAP listener without IMAP_PORT)
#   dovecot_start; ...; dovecot_stop

BENCH_LIB=${BENCH_LIB:-$(cd "$(dirname "$0")" && pwd)/lib}
. "$BENCH_LIB/common.sh"
command -v dovecot > /dev/null || { echo "dovecot is not installed (apt-get install dovecot-imapd dovecot-lmtpd)" >&2; exit 1; }

# dovecot_configure DIR LMTP_PORT [IMAP_PORT]: a fresh DIR and its dovecot.conf; sets DOVECOT_DIR,
# DOVECOT_LMTP_PORT, DOVECOT_IMAP_PORT
dovecot_configure() {
    DOVECOT_DIR=$1
    DOVECOT_LMTP_PORT=$2
    DOVECOT_IMAP_PORT=${3:-}
    rm -rf "$DOVECOT_DIR"; mkdir -p "$DOVECOT_DIR/mail"
    cat > "$DOVECOT_DIR/dovecot.conf" <<CFG
base_dir = $DOVECOT_DIR/run
log_path = $DOVECOT_DIR/dovecot.log
protocols = lmtp${DOVECOT_IMAP_PORT:+ imap}
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
mail_location = maildir:$DOVECOT_DIR/mail/%n
first_valid_uid = 0
# the load run keeps hundreds of sessions of one user open from one address
default_process_limit = 1000
default_client_limit = 4000
mail_max_userip_connections = 1000
userdb {
  driver = static
  args = uid=mail gid=mail home=$DOVECOT_DIR/mail/%n
}
passdb {
  driver = static
  args = password=bench
}
service lmtp {
  inet_listener lmtp {
    address = 127.0.0.1
    port = $DOVECOT_LMTP_PORT
  }
}
CFG
    if [ -n "$DOVECOT_IMAP_PORT" ]; then
        cat >> "$DOVECOT_DIR/dovecot.conf" <<CFG
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $DOVECOT_IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
CFG
    fi
    chown -R mail:mail "$DOVECOT_DIR/mail"
}

# dovecot_pid: the master's pid, empty when it does not run
dovecot_pid() { cat "${DOVECOT_DIR:-/nonexistent}/run/master.pid" 2>/dev/null || true; }

# dovecot_start: starts the master and waits until its listeners accept connections
dovecot_start() {
    dovecot -c "$DOVECOT_DIR/dovecot.conf" || { tail -n 20 "$DOVECOT_DIR/dovecot.log" >&2; exit 1; }
    wait_port "$DOVECOT_LMTP_PORT"
    [ -z "$DOVECOT_IMAP_PORT" ] || wait_port "$DOVECOT_IMAP_PORT"
}

# dovecot_stop: stops this instance's master (it ends its children) and waits until it is gone
dovecot_stop() {
    _pid=$(dovecot_pid)
    [ -n "$_pid" ] || return 0
    kill "$_pid" 2>/dev/null || return 0
    _i=0
    while kill -0 "$_pid" 2>/dev/null; do
        _i=$((_i + 1)); [ $_i -lt 300 ] || { kill -9 "$_pid" 2>/dev/null; break; }
        sleep 0.1
    done
}

# dovecot_rss_kb: resident memory of the master and all its processes, summed, in kB
dovecot_rss_kb() { tree_rss_kb "$(dovecot_pid)"; }
