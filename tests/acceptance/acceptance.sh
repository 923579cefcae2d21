#!/bin/sh
# Acceptance test of the built appliance, as a new administrator would use it:
#   - a typo in server.cfg stops the start and names the option (manual 2.3.1)
#   - zarafa-server starts with the embedded database; zarafa-admin creates users, lists them and
#     prints --details as the manual shows (chapter 8.2)
#   - python3-zeep, a third-party SOAP client, loads the WSDL and works with the store
#   - after a restart the users and their data are still there
# Negative checks ("no reply", "exactly one") wait for an event that shows the thing they look for
# would have happened by then (the queue it would pass through is empty), never for a time.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ZCP_HOME=$ROOT/appliance/target/zcp
DIR=$ROOT/target/acceptance
# every process of this run's server names its per-start properties file (standalone.sh -P)
PROPS=$DIR/run/zarafa-server.properties
PORT=14236
rm -rf "$DIR"
mkdir -p "$DIR/etc" "$DIR/run" "$DIR/lib/attachments" "$DIR/log"
export ZARAFA_CONFIG_DIR="$DIR/etc"
PATH=$ZCP_HOME/bin:$PATH

. "$ROOT/tests/acceptance/postfix.sh"
LMTP=$((PORT - 233))
# swaks talks to Postfix on port 25 as the manual's setup has it (2525 when 25 is taken or not root)
SMTP=25
if [ "$(id -u)" != 0 ] || ss -ltn | grep -q '127.0.0.1:25 \|0.0.0.0:25 \|\*:25 '; then SMTP=2525; fi

fail() { echo "ACCEPTANCE FAILED: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
# await_output SECONDS EXPECTED WHAT COMMAND...: until COMMAND prints EXPECTED, else fails with
# what it printed last
await_output() {
    secs=$1; want=$2; what=$3; shift 3
    i=0
    while got=$("$@" 2>&1); [ "$got" != "$want" ]; do
        i=$((i + 1)); [ $i -lt "$secs" ] || fail "$what: '$got', expected '$want'"
        sleep 1
    done
}

cat > "$DIR/etc/server.cfg" <<CFG
server_bind = 127.0.0.1
server_tcp_port = $PORT
server_ssl_enabled = yes
server_ssl_port = $((PORT + 1))
server_ssl_key_file = $DIR/etc/ssl/server.pem
pid_file = $DIR/run/zarafa-server.pid
local_admin_users = root $(id -un)
attachment_path = $DIR/lib/attachments
log_file = $DIR/log/server.log
audit_log_enabled = yes
audit_log_method = file
audit_log_file = $DIR/log/audit.log
CFG

printf 'server_bind = 127.0.0.1\nlmtp_port = %s\nlookup_port = %s\nlog_file = %s\nlog_level = 4\n' "$LMTP" "$((LMTP + 1))" \
    "$DIR/log/dagent.log" > "$DIR/etc/dagent.cfg"
# the spooler hands outgoing mail to the same Postfix (manual 4.9); remote mail goes on to smtp-sink
SINK=$((PORT - 200))
printf 'smtp_server = 127.0.0.1\nsmtp_port = %s\nretry_delay = 5\nlog_file = %s\nlog_level = 4\n' "$SMTP" \
    "$DIR/log/spooler.log" > "$DIR/etc/spooler.cfg"
# POP3 (manual 4.11) on 14110, POP3S on 14995, IMAP on 14143, IMAPS on 14993 (self-signed certificate)
printf 'server_bind = 127.0.0.1\npop3_port = %s\npop3s_enable = yes\npop3s_port = %s\nssl_private_key_file = %s\nssl_certificate_file = %s\n' \
    "$((PORT - 126))" "$((PORT + 759))" "$DIR/etc/privkey.pem" "$DIR/etc/cert.pem" > "$DIR/etc/gateway.cfg"
printf 'imap_port = %s\nimaps_enable = yes\nimaps_port = %s\n' "$((PORT - 93))" "$((PORT + 757))" >> "$DIR/etc/gateway.cfg"
# the gateway's own log (manual 7.2), at info level so logons show
printf 'log_file = %s\nlog_level = 4\n' "$DIR/log/gateway.log" >> "$DIR/etc/gateway.cfg"
# zarafa-ical (manual 4.10) on 14080, not the manual's 8080 (another server may hold it); its own log
ICAL_PORT=$((PORT - 156))
printf 'server_bind = 127.0.0.1\nical_port = %s\nlog_file = %s\nlog_level = 4\n' "$ICAL_PORT" "$DIR/log/ical.log" \
    > "$DIR/etc/ical.cfg"
# WebAccess on ports of its own, never the manual's 80/443: HTTP on 14180; HTTPS (14543) off, as it
# would need a key and certificate of its own and nothing here drives the web client over TLS
WEB_PORT=$((PORT - 56))
printf 'server_bind = 127.0.0.1\nhttp_port = %s\nhttps_enable = no\nhttps_port = %s\nlog_file = %s\nlog_level = 4\n' \
    "$WEB_PORT" "$((PORT + 307))" "$DIR/log/webaccess.log" > "$DIR/etc/webaccess.cfg"
# the shipped plugins (manual 6.8), activated the manual's way: a link in plugin_path
mkdir -p "$DIR/plugins/dagent" "$DIR/plugins/spooler" "$DIR/etc/disclaimers"
ln -s "$ZCP_HOME/zarafa/share/zarafa-dagent/plugins/movetopublic.jar" "$DIR/plugins/dagent/movetopublic.jar"
ln -s "$ZCP_HOME/zarafa/share/zarafa-dagent/plugins/bmp2png.jar" "$DIR/plugins/dagent/bmp2png.jar"
ln -s "$ZCP_HOME/zarafa/share/zarafa-spooler/plugins/disclaimer.jar" "$DIR/plugins/spooler/disclaimer.jar"
printf 'plugin_path = %s\n' "$DIR/plugins/dagent" >> "$DIR/etc/dagent.cfg"
printf 'plugin_path = %s\n' "$DIR/plugins/spooler" >> "$DIR/etc/spooler.cfg"
printf 'This e-mail is confidential (acceptance disclaimer).\n' > "$DIR/etc/disclaimers/default.txt"
printf 'sales@example.com = Sales/Incoming\ncreate = yes\n' > "$DIR/etc/movetopublic.cfg"

# 1. a misspelt option stops the start and every wrong option is printed
cp "$DIR/etc/server.cfg" "$DIR/etc/bad.cfg"
printf 'quota_hardd = 100\nlog_levle = 3\n' >> "$DIR/etc/bad.cfg"
if zarafa-server -F -c "$DIR/etc/bad.cfg" > "$DIR/bad.out" 2>&1; then fail "server started with a misspelt option"; fi
grep -q "unknown option 'quota_hardd'" "$DIR/bad.out" || fail "quota_hardd not named: $(cat "$DIR/bad.out")"
grep -q "unknown option 'log_levle'" "$DIR/bad.out" || fail "log_levle not named: $(cat "$DIR/bad.out")"
pass "a typo in server.cfg stops the start and names both wrong options"

# 1b. with user_plugin = ldap, a bind password the LDAP server refuses stops the start and names the
# option (a private slapd with the shipped schema; zarafa-server -F ends with a failure status)
LDAP_PORT=$((PORT + 153))
sh "$ROOT/itests/src/test/config/slapd.sh" start "$DIR/slapd" "$LDAP_PORT" > /dev/null
sed -e "s|^ldap_host *=.*|ldap_host = 127.0.0.1|" -e "s|^ldap_port *=.*|ldap_port = $LDAP_PORT|" \
    -e "s|^ldap_bind_passwd *=.*|ldap_bind_passwd = not-the-password|" -e "s|^!propmap.*||" \
    "$ZCP_HOME/zarafa/example-config/ldap.openldap.cfg" > "$DIR/etc/ldap-bad.cfg"
cp "$DIR/etc/server.cfg" "$DIR/etc/ldapbad.cfg"
# its own database, attachments and pid file: the failed start leaves nothing for the real one
mkdir -p "$DIR/ldapbad/attachments"
printf 'user_plugin = ldap\nuser_plugin_config = %s\nattachment_path = %s\npid_file = %s\n' "$DIR/etc/ldap-bad.cfg" \
    "$DIR/ldapbad/attachments" "$DIR/ldapbad/zarafa-server.pid" >> "$DIR/etc/ldapbad.cfg"
if timeout 240 zarafa-server -F -c "$DIR/etc/ldapbad.cfg" > "$DIR/ldapbad.out" 2>&1; then
    sh "$ROOT/itests/src/test/config/slapd.sh" stop "$DIR/slapd" > /dev/null
    fail "server started with a wrong ldap_bind_passwd"
fi
sh "$ROOT/itests/src/test/config/slapd.sh" stop "$DIR/slapd" > /dev/null
grep -q "not starting: .*ldap_bind_passwd: the LDAP server refused the bind" "$DIR/ldapbad.out" \
    || fail "the wrong ldap_bind_passwd was not named: $(tail -n 20 "$DIR/ldapbad.out")"
pass "user_plugin = ldap with a wrong ldap_bind_passwd stops the start and names the option"

start() {
    zarafa-server -c "$DIR/etc/server.cfg" > "$DIR/start.out" 2>&1 || fail "start: $(cat "$DIR/start.out")"
    i=0
    until curl -sf "http://127.0.0.1:$PORT/zarafa?wsdl" > /dev/null 2>&1 && [ -s "$DIR/run/zarafa-admin.token" ] \
            && zarafa-admin -l > /dev/null 2>&1; do
        i=$((i + 1))
        [ $i -lt 180 ] || fail "server did not come up; see $DIR/run/zarafa-server.out"
        sleep 1
    done
}
stop() {  # this run's server only (never another WildFly on the host): the JVM its pid file names
    pid=$(cat "$DIR/run/zarafa-server.pid" 2>/dev/null || true)
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        i=0
        while kill -0 "$pid" 2>/dev/null; do
            i=$((i + 1)); [ $i -lt 90 ] || { kill -9 "$pid" 2>/dev/null; break; }
            sleep 1
        done
    fi
    # standalone.sh, which waited for that JVM, ends with it; nothing of this run outlives stop
    i=0
    while pgrep -f "$PROPS" > /dev/null; do
        i=$((i + 1)); [ $i -lt 30 ] || { pkill -9 -f "$PROPS"; sleep 1; break; }
        sleep 1
    done
}
trap 'stop 2>/dev/null || true; postfix_stop "$DIR/postfix"' EXIT

start
pass "zarafa-server started (SOAP on $PORT)"
curl -skf "https://127.0.0.1:$((PORT + 1))/zarafa?wsdl" | grep -q 'name="ZarafaCmd"' || fail "no WSDL over TLS"
echo | openssl s_client -connect "127.0.0.1:$((PORT + 1))" 2>/dev/null | grep -q "Verify return code: 18" \
    || echo | openssl s_client -connect "127.0.0.1:$((PORT + 1))" 2>/dev/null | grep -q "self.signed" \
    || fail "port $((PORT + 1)) does not present the generated self-signed certificate"
pass "SOAP over TLS on $((PORT + 1)) with a self-signed certificate generated at the first start"
# pid_file names the server's JVM, and a second start for the same server.cfg is refused
PID=$(cat "$DIR/run/zarafa-server.pid")
tr '\0' ' ' < "/proc/$PID/cmdline" | grep -q "java.*$PROPS" \
    || fail "pid_file names $PID, not this run's server JVM: $(tr '\0' ' ' < "/proc/$PID/cmdline" 2>&1)"
if zarafa-server -c "$DIR/etc/server.cfg" > "$DIR/second.out" 2>&1; then fail "a second zarafa-server started while pid $PID runs"; fi
grep -q "already running as pid $PID " "$DIR/second.out" || fail "second start: $(cat "$DIR/second.out")"
kill -0 "$PID" && [ "$(cat "$DIR/run/zarafa-server.pid")" = "$PID" ] && zarafa-admin -l > /dev/null \
    || fail "the refused second start disturbed the running server (pid $PID)"
pass "a second zarafa-server for the same server.cfg is refused while pid $PID runs: $(head -1 "$DIR/second.out")"

# 2. users with zarafa-admin (manual 8.3.1) and the outputs of chapter 8.2
zarafa-admin -s > /dev/null
zarafa-admin -c john -p secret -e john@example.com -f "John Doe" | grep -q "User created" || fail "-c john"
zarafa-admin -c mary -p secret2 -e mary@example.com -f "Mary Jones" > /dev/null
zarafa-admin -g sales > /dev/null
zarafa-admin -b john -i sales > /dev/null
zarafa-admin -l > "$DIR/list.out"
grep -q "^User list for Default(2):" "$DIR/list.out" || fail "-l header: $(cat "$DIR/list.out")"
grep -Eq "^ +john +John Doe$" "$DIR/list.out" || fail "-l row: $(cat "$DIR/list.out")"
pass "zarafa-admin -l lists john and mary"
zarafa-admin --details john > "$DIR/details.out"
for line in "Username:              john" "Fullname:              John Doe" \
        "Emailaddress:          john@example.com" "Active:                yes" "Administrator:         no" \
        "Groups (2):"; do
    grep -qF "$line" "$DIR/details.out" || fail "--details lacks '$line': $(cat "$DIR/details.out")"
done
pass "zarafa-admin --details john prints the manual's fields"
if zarafa-admin -c john -p x -e j@example.com -f J > "$DIR/dup.out" 2>&1; then fail "duplicate user accepted"; fi
grep -q "MAPI_E_COLLISION" "$DIR/dup.out" || fail "duplicate: $(cat "$DIR/dup.out")"
pass "creating john twice fails with one clear line: $(cat "$DIR/dup.out")"

# 3. a third-party SOAP client
/usr/bin/python3 "$ROOT/tests/acceptance/zeep_soap.py" "http://127.0.0.1:$PORT/zarafa" john secret mary
grep -q "authenticate ok user='john'" "$DIR/log/audit.log" || fail "audit log has no logon of john"
pass "audit log records the logons"

# 4. mail in: Postfix (manual 5.4.3) delivers over LMTP; zarafa-dagent from a pipe
zarafa-admin -c tiny -p secret3 -e tiny@example.com -f "Tiny Box" > /dev/null
zarafa-admin -u tiny --qo y --qw 0 --qs 0 --qh 1 > /dev/null
INBOX="/usr/bin/python3 $ROOT/tests/acceptance/inbox.py http://127.0.0.1:$PORT/zarafa"
# recipients are looked up in the platform over socketmap: no address list to maintain in Postfix
postfix_setup "$DIR/postfix" "$SMTP" "$LMTP" example.com "socketmap:inet:127.0.0.1:$((LMTP + 1)):mailbox"
postfix_start "$DIR/postfix"
swaks --silent 2 --server "127.0.0.1:$SMTP" --from sender@other.test --to john@example.com,mary@example.com \
    --header "Subject: through Postfix" --body "Delivered by Postfix over LMTP." > /dev/null || fail "swaks to john and mary"
postfix_wait_log "$DIR/postfix" "to=<mary@example.com>.*status=sent" 60 || fail "Postfix did not deliver: $(tail -5 "$DIR/postfix/maillog")"
postfix_wait_log "$DIR/postfix" "to=<john@example.com>.*status=sent" 10 || fail "Postfix did not deliver to john"
[ "$(/usr/bin/python3 "$ROOT/tests/acceptance/inbox.py" "http://127.0.0.1:$PORT/zarafa" john secret "through Postfix")" = "1 0" ] \
    || fail "john's Inbox does not hold the message once"
pass "swaks -> Postfix:$SMTP -> LMTP:$LMTP -> store; read back over SOAP"
if swaks --server "127.0.0.1:$SMTP" --from sender@other.test --to ghost@example.com > "$DIR/ghost.out" 2>&1; then
    fail "a message to an unknown address was accepted"
fi
grep -q "550 5.1.1" "$DIR/ghost.out" || fail "unknown address: $(grep '<\*\*' "$DIR/ghost.out")"
pass "an unknown address is refused at RCPT (550 5.1.1)"
head -c 1500000 /dev/urandom > "$DIR/big.bin"
swaks --silent 2 --server "127.0.0.1:$SMTP" --from sender@other.test --to john@example.com,tiny@example.com \
    --header "Subject: big attachment" --attach "@$DIR/big.bin" > /dev/null || fail "swaks big message"
postfix_wait_log "$DIR/postfix" "to=<tiny@example.com>.*dsn=5.2.2, status=bounced" 60 \
    || fail "the over-quota mailbox did not bounce: $(grep tiny "$DIR/postfix/maillog" | tail -2)"
await_output 60 "1 1500000" "john should hold the big message exactly once" $INBOX john secret "big attachment"
pass "a mailbox over hard quota bounces (552 5.2.2) while the other recipient gets the message once"
printf 'Subject: piped\n\nvia zarafa-dagent\n' | zarafa-dagent mary || fail "zarafa-dagent mary: exit $?"
set +e
printf 'Subject: piped\n\nx\n' | zarafa-dagent nobody@example.com 2> /dev/null
rc=$?
set -e
[ $rc = 67 ] || fail "zarafa-dagent for an unknown user exited $rc, not 67"
pass "zarafa-dagent delivers from a pipe; an unknown user exits 67 (EX_NOUSER)"
swaks --silent 2 --protocol LMTP --server "127.0.0.1:$LMTP" --tls --from sender@other.test --to john@example.com \
    --header "Subject: over STARTTLS" --body "encrypted LMTP" > "$DIR/lmtp-tls.out" 2>&1 \
    || fail "LMTP STARTTLS: $(tail -5 "$DIR/lmtp-tls.out")"
[ "$(/usr/bin/python3 "$ROOT/tests/acceptance/inbox.py" "http://127.0.0.1:$PORT/zarafa" john secret "over STARTTLS" count)" = "1 0" ] \
    || fail "the message sent over LMTP with STARTTLS did not arrive"
pass "LMTP offers STARTTLS with the server certificate; swaks --tls delivers over it"

# 5. mail out (manual 4.9, 4.5, 8.3.5, 8.9): the spooler hands submitted mail to Postfix, which
# delivers local recipients over LMTP and relays the rest to smtp-sink (standing in for the Internet)
mkdir -p "$DIR/sink"
chown postfix "$DIR/sink"
smtp-sink -u postfix -d "$DIR/sink/%H%M%S." "127.0.0.1:$SINK" 10 > "$DIR/log/smtp-sink.log" 2>&1 &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null; stop 2>/dev/null || true; postfix_stop "$DIR/postfix"' EXIT
postconf -c "$DIR/postfix/etc" -e "relayhost = [127.0.0.1]:$SINK"
postfix -c "$DIR/postfix/etc" reload > /dev/null 2>&1
sink_count() { grep -l "$1" "$DIR"/sink/* 2>/dev/null | wc -l; }
sink_wait() {
    i=0
    until [ "$(sink_count "$1")" -ge "${2:-1}" ]; do
        i=$((i + 1)); [ $i -lt 60 ] || fail "smtp-sink never received '$1': $(tail -3 "$DIR/postfix/maillog")"
        sleep 1
    done
    # the file is whole once Postfix has its 250 for the end of the data, for every message
    postfix_wait_empty "$DIR/postfix" 60 || fail "Postfix still holds mail: $(postqueue -c "$DIR/postfix/etc" -p | tail -3)"
}
SEND="/usr/bin/python3 $ROOT/tests/acceptance/send.py http://127.0.0.1:$PORT/zarafa"
[ "$($SEND john secret "Out through Postfix" mary@example.com friend@remote.test ghost@example.com)" = sent ] \
    || fail "john's message did not reach Sent Items"
sink_wait "Subject: Out through Postfix"
F=$(grep -l "Subject: Out through Postfix" "$DIR"/sink/*)
grep -q "^From: John Doe <john@example.com>" "$F" || fail "From header: $(grep -i '^from:' "$F")"
grep -q "^X-Rcpt-Args: <friend@remote.test>" "$F" || fail "smtp-sink was not the relay for friend@remote.test"
grep -q "Sent through the spooler." "$F" || fail "body lost: $(cat "$F")"
grep -q "This e-mail is confidential (acceptance disclaimer)." "$F" || fail "no disclaimer: $(cat "$F")"
await_output 30 "1 0" "mary did not get john's message through Postfix once" $INBOX mary secret2 "Out through Postfix" count
await_output 30 "1 0" "john's Undeliverable report for ghost@example.com" \
    $INBOX john secret "Undeliverable: Out through Postfix" count
pass "SOAP submit -> spooler -> Postfix: Sent Items, local delivery to mary, relay to smtp-sink, Undeliverable for the refused ghost@example.com"
OUT=$($SEND mary secret2 "Pretending" --as=john@example.com friend@remote.test || true)
case "$OUT" in *MAPI_E_NO_ACCESS*) ;; *) fail "mary sent as john without the right: $OUT" ;; esac
zarafa-admin -u john --add-sendas mary > /dev/null
[ "$($SEND mary secret2 "As John" --as=john@example.com friend@remote.test)" = sent ] || fail "send-as after --add-sendas"
sink_wait "Subject: As John"
F=$(grep -l "Subject: As John" "$DIR"/sink/*)
grep -q "^From: John Doe <john@example.com>" "$F" && ! grep -q "^Sender:" "$F" \
    || fail "send-as headers: $(grep -Ei '^(from|sender):' "$F")"
pass "send-as without the right is refused (MAPI_E_NO_ACCESS); after zarafa-admin --add-sendas the From is john"
printf 'I am away until Monday.\n' > "$DIR/oof.txt"
zarafa-set-oof mary 1 "Out of office" "$DIR/oof.txt" > /dev/null || fail "zarafa-set-oof mary 1"
for n in 1 2; do
    swaks --silent 2 --server "127.0.0.1:$SMTP" --from colleague@remote.test --to mary@example.com \
        --header "Subject: question $n" --body "?" > /dev/null || fail "swaks to mary"
done
swaks --silent 2 --server "127.0.0.1:$SMTP" --from postmaster@remote.test --to mary@example.com \
    --header "Subject: report" --body "!" > /dev/null || fail "swaks from postmaster"
swaks --silent 2 --server "127.0.0.1:$SMTP" --from lister@remote.test --to mary@example.com \
    --header "To: team@remote.test" --header "Cc: mary@example.com" --header "Subject: cc only" --body "!" \
    > /dev/null || fail "swaks cc"
sink_wait "X-Rcpt-Args: <colleague@remote.test>"
# "one" and "none" are answers only once every reply that could exist has arrived: the four
# messages are in mary's Inbox (a delivery queues its autoreply in mary's Outbox in its own
# transaction), the spooler has passed on everything queued there, and Postfix has passed on all
for subject in "question 1" "question 2" "report" "cc only"; do
    await_output 60 "1 0" "mary's Inbox and '$subject'" $INBOX mary secret2 "$subject" count
done
await_output 90 0 "messages of mary's still queued for the spooler" \
    /usr/bin/python3 "$ROOT/tests/acceptance/outbox.py" "http://127.0.0.1:$PORT/zarafa" mary secret2
postfix_wait_empty "$DIR/postfix" 90 || fail "Postfix still holds mail: $(postqueue -c "$DIR/postfix/etc" -p | tail -3)"
[ "$(sink_count "X-Rcpt-Args: <colleague@remote.test>")" = 1 ] || fail "colleague got $(sink_count "X-Rcpt-Args: <colleague@remote.test>") replies"
F=$(grep -l "X-Rcpt-Args: <colleague@remote.test>" "$DIR"/sink/*)
grep -q "^X-Zarafa-Vacation: autorespond" "$F" && grep -q "I am away until Monday." "$F" \
    && grep -q "^Subject: Out of office \[question 1\]" "$F" || fail "the autoreply: $(cat "$F")"
[ "$(sink_count "X-Rcpt-Args: <postmaster@remote.test>")" = 0 ] || fail "postmaster got an autoreply"
[ "$(sink_count "X-Rcpt-Args: <lister@remote.test>")" = 0 ] || fail "a Cc-only message got an autoreply"
zarafa-set-oof mary 0 > /dev/null || fail "zarafa-set-oof mary 0"
# the spooler resumes its queue after a restart: the relay is away, the server restarts
postfix_stop "$DIR/postfix"
[ "$($SEND john secret "Waiting for the relay" --no-wait friend@remote.test)" = queued ] || fail "submit while the relay is away"
# the restart comes after the first attempt failed, so the message is in the queue as a retry
i=0
until grep -q "deferred for friend@remote.test" "$DIR/log/spooler.log"; do
    i=$((i + 1)); [ $i -lt 60 ] || fail "the spooler logged no deferral while the relay was away"
    sleep 1
done
stop
start
postfix_start "$DIR/postfix"
sink_wait "Subject: Waiting for the relay"
pass "a message submitted while the relay is away is retried (logged), and sent after a server restart"
pass "zarafa-set-oof: two messages from one sender get one autoreply (via the spooler and Postfix), none to postmaster, none for Cc"
# the dagent plugins: move to public (movetopublic.cfg) and BMP to PNG
zarafa-admin -c sales -p secret4 -e sales@example.com -f "Sales Desk" > /dev/null
zarafa-admin -c boss -p secret5 -e boss@example.com -f "The Boss" -a 1 > /dev/null
swaks --silent 2 --server "127.0.0.1:$SMTP" --from customer@remote.test --to sales@example.com \
    --header "Subject: order 7" --body "Please send 7." > /dev/null || fail "swaks to sales"
postfix_wait_log "$DIR/postfix" "to=<sales@example.com>.*status=sent" 30 || fail "Postfix did not deliver to sales"
LOOK="/usr/bin/python3 $ROOT/tests/acceptance/look.py http://127.0.0.1:$PORT/zarafa"
[ "$($LOOK boss secret5 public/Sales/Incoming "order 7")" = "1 " ] || fail "order 7 is not in the public folder Sales/Incoming: $($LOOK boss secret5 public/Sales/Incoming "order 7")"
[ "$($LOOK sales secret4 inbox "order 7")" = "0 " ] || fail "order 7 is also in the sales Inbox"
/usr/bin/python3 -c 'import struct,sys
w,h=2,2; row=b"\x00\x00\xff\x00\xff\x00\x00\x00"; img=row*h
sys.stdout.buffer.write(b"BM"+struct.pack("<IHHI",54+len(img),0,0,54)+struct.pack("<IiiHHIIiiII",40,w,h,1,24,0,len(img),2835,2835,0,0)+img)' > "$DIR/pic.bmp"
swaks --silent 2 --server "127.0.0.1:$SMTP" --from friend@remote.test --to john@example.com \
    --header "Subject: a picture" --attach-type image/bmp --attach-name pic.bmp --attach "@$DIR/pic.bmp" > /dev/null \
    || fail "swaks with a BMP"
i=0
until [ "$($LOOK john secret inbox "a picture" | cut -d' ' -f1)" = 1 ]; do
    i=$((i + 1)); [ $i -lt 30 ] || fail "the BMP message did not arrive"
    sleep 1
done
[ "$($LOOK john secret inbox "a picture")" = "1 pic.png:image/png" ] || fail "BMP2PNG: $($LOOK john secret inbox "a picture")"
pass "plugins linked into plugin_path: disclaimer on outgoing mail, move to public (Sales/Incoming), BMP to PNG"
zarafa-admin -c vault -p secret6 -e vault@example.com -f "Archive of John" -n 1 > /dev/null
zarafa-archiver -u john --attach-to vault | grep -q "Attached archive vault (folder john) to john" || fail "zarafa-archiver --attach-to"
zarafa-archiver -u john -l > "$DIR/archives.out"
grep -q "^User 'john' has 1 attached archive(s):" "$DIR/archives.out" && grep -Eq "^ +vault +john$" "$DIR/archives.out" \
    || fail "zarafa-archiver -l: $(cat "$DIR/archives.out")"
zarafa-archiver -u john --detach-from vault > /dev/null || fail "zarafa-archiver --detach-from"
zarafa-archiver -u john -l | grep -q "has no attached archives" || fail "archive still attached"
pass "zarafa-archiver attaches, lists and detaches an archive"
# POP3 and POP3S with fetchmail (manual 4.11): the pop3 feature is off by default (manual 8.7)
zarafa-admin -c poppy -p secret7 -e poppy@example.com -f "Poppy Pop" > /dev/null
for n in 1 2; do printf 'Subject: pop %s\n\nfetch me %s\n' "$n" "$n" | zarafa-dagent poppy || fail "dagent poppy"; done
mkdir -p "$DIR/fetched"
fetch() { # fetch PORT EXTRA... : the fetchmailrc for poppy, messages into $DIR/fetched
    printf 'poll 127.0.0.1 protocol POP3 port %s user "poppy" password "secret7" %s mda "/bin/sh -c '"'"'cat > %s/fetched/msg.$$'"'"'"\n' \
        "$1" "$2" "$DIR" > "$DIR/fetchmailrc"
    chmod 600 "$DIR/fetchmailrc"
    HOME=$DIR fetchmail -f "$DIR/fetchmailrc" --nodetach --verbose > "$DIR/fetchmail.out" 2>&1
}
# refused by the server for the missing feature, not by any other failure (port, TLS, server down)
if fetch "$((PORT - 126))" 'sslproto ""'; then fail "fetchmail logged on without the pop3 feature"; fi
grep -q -- "-ERR \[AUTH\] Authentication failed" "$DIR/fetchmail.out" \
    || fail "without the pop3 feature: $(tail -5 "$DIR/fetchmail.out")"
zarafa-admin -u poppy --enable-feature pop3 > /dev/null
fetch "$((PORT - 126))" 'sslproto "" keep' || fail "fetchmail over POP3: $(cat "$DIR/fetchmail.out")"
[ "$(ls "$DIR/fetched" | wc -l)" = 2 ] && grep -q "fetch me 2" "$DIR"/fetched/* || fail "fetchmail got $(ls "$DIR/fetched" | wc -l) messages"
rm -f "$DIR"/fetched/*
[ "$($INBOX poppy secret7 "pop 1" count)" = "1 0" ] || fail "'pop 1' is not kept in poppy's Inbox"
fetch "$((PORT + 759))" 'ssl no sslcertck fetchall' || fail "fetchmail over POP3S: $(cat "$DIR/fetchmail.out")"
[ "$(ls "$DIR/fetched" | wc -l)" = 2 ] || fail "fetchmail over POP3S got $(ls "$DIR/fetched" | wc -l) messages"
rm -f "$DIR"/fetched/*
# without keep fetchmail deleted them: the server's Inbox says so, and a third fetch finds nothing
for n in 1 2; do
    [ "$($INBOX poppy secret7 "pop $n" count)" = "0 0" ] || fail "'pop $n' is still in poppy's Inbox after the fetch"
done
set +e
fetch "$((PORT + 759))" 'ssl no sslcertck fetchall'
rc=$?
set -e
[ $rc = 1 ] || fail "the third fetch exited $rc, not 1 (no mail): $(tail -5 "$DIR/fetchmail.out")"
pass "fetchmail fetches the Inbox over POP3 (kept) and POP3S (deleted); refused while the pop3 feature is off"
# IMAP (manual 4.11): curl over IMAPS, python3 imaplib over STARTTLS (IDLE, CONDSTORE, MOVE, UID EXPUNGE)
zarafa-admin -c imapuser -p secret8 -e imapuser@example.com -f "Imap User" > /dev/null
zarafa-admin -u imapuser --enable-feature imap > /dev/null
for n in 1 2 3; do printf 'Subject: imap %s\n\nbody %s\n' "$n" "$n" | zarafa-dagent imapuser || fail "dagent imapuser"; done
curl -sk --max-time 20 -u imapuser:secret8 "imaps://127.0.0.1:$((PORT + 757))/" > "$DIR/curl-list.out" \
    || fail "curl LIST over IMAPS"
grep -q '"INBOX"\|INBOX' "$DIR/curl-list.out" && grep -q "Sent Items" "$DIR/curl-list.out" || fail "curl LIST: $(cat "$DIR/curl-list.out")"
curl -sk --max-time 20 -u imapuser:secret8 "imaps://127.0.0.1:$((PORT + 757))/INBOX;UID=2" > "$DIR/curl-fetch.out" \
    || fail "curl FETCH over IMAPS"
grep -q "^Subject: imap 2" "$DIR/curl-fetch.out" || fail "curl FETCH: $(cat "$DIR/curl-fetch.out")"
pass "curl lists the mailboxes and fetches a message over IMAPS"
grep -q "imapuser logged in" "$DIR/log/gateway.log" || fail "gateway.log has no IMAP logon: $(tail -3 "$DIR/log/gateway.log" 2>&1)"
[ -s "$DIR/log/server.log" ] || fail "no server.log at $DIR/log/server.log"
if grep -q "imapuser logged in" "$DIR/log/server.log"; then fail "gateway records went to server.log as well"; fi
pass "the gateway logs to its own log_file (gateway.cfg) at its log_level"
/usr/bin/python3 "$ROOT/tests/acceptance/imap_check.py" 127.0.0.1 "$((PORT - 93))" imapuser secret8 \
    "swaks --silent 2 --protocol LMTP --server 127.0.0.1:$LMTP --from a@remote.test --to imapuser@example.com --header 'Subject: imap idle' --body x" \
    || fail "imaplib"
pass "python3 imaplib: STARTTLS, IDLE sees an LMTP delivery, CONDSTORE, MOVE, UID EXPUNGE"
/usr/bin/python3 "$ROOT/tests/acceptance/imap_bytes.py" 127.0.0.1 "$((PORT - 93))" "$LMTP" imapuser secret8 \
    imapuser@example.com > "$DIR/imap-bytes.out" 2>&1 || fail "byte-identical: $(tail -5 "$DIR/imap-bytes.out")"
pass "UID FETCH BODY.PEEK[] returns each of 50 LMTP-delivered messages byte for byte behind the Return-Path and Received trace fields ($(tail -1 "$DIR/imap-bytes.out"))"
/usr/bin/python3 "$ROOT/tests/acceptance/imap_many.py" 127.0.0.1 "$((PORT - 93))" "$LMTP" imapuser secret8 \
    imapuser@example.com 300 > "$DIR/imap-many.out" 2>&1 || fail "300 sessions: $(tail -3 "$DIR/imap-many.out")"
pass "300 IMAP sessions at once, all in IDLE, each told of one LMTP delivery ($(tail -1 "$DIR/imap-many.out"))"
# mbsync (isync) syncs a mailbox of 500 messages delivered over LMTP, both ways
zarafa-admin -c syncer -p secret9 -e syncer@example.com -f "Sync User" > /dev/null
zarafa-admin -u syncer --enable-feature imap > /dev/null
# one session: smtp-source numbers its Message-Ids per session, and the store keeps one copy of a
# Message-ID per day (duplicate suppression), so parallel sessions would collide
smtp-source -L -s 1 -m 500 -l 2048 -S "mbsync" -f sender@other.test -t syncer@example.com "127.0.0.1:$LMTP" \
    || fail "smtp-source over LMTP to syncer"
echo | openssl s_client -connect "127.0.0.1:$((PORT + 757))" 2>/dev/null | openssl x509 > "$DIR/gateway-cert.pem"
mkdir -p "$DIR/maildir"
cat > "$DIR/mbsyncrc" <<CFG
IMAPAccount zcp
Host 127.0.0.1
Port $((PORT - 93))
User syncer
Pass secret9
SSLType STARTTLS
CertificateFile $DIR/gateway-cert.pem
SystemCertificates no

IMAPStore remote
Account zcp

MaildirStore local
Path $DIR/maildir/
Inbox $DIR/maildir/INBOX
SubFolders Verbatim

Channel all
Far :remote:
Near :local:
Patterns *
Create Both
SyncState *
CFG
mbsync -q -c "$DIR/mbsyncrc" all > "$DIR/mbsync.out" 2>&1 || fail "mbsync: $(tail -5 "$DIR/mbsync.out")"
[ "$(ls "$DIR/maildir/INBOX/new" "$DIR/maildir/INBOX/cur" | grep -c ',U=')" = 500 ] \
    || fail "mbsync brought $(ls "$DIR/maildir/INBOX/new" | wc -l) of 500 messages"
# three read locally, one written locally; one flagged on the server
for f in $(ls "$DIR/maildir/INBOX/new" | head -3); do mv "$DIR/maildir/INBOX/new/$f" "$DIR/maildir/INBOX/cur/${f%:2,}:2,S"; done
printf 'From: syncer@example.com\r\nSubject: written offline\r\n\r\nfrom the laptop\r\n' > "$DIR/maildir/INBOX/new/$(date +%s).offline"
/usr/bin/python3 -c 'import imaplib,sys
m=imaplib.IMAP4("127.0.0.1",int(sys.argv[1])); m.login("syncer","secret9"); m.select("INBOX"); m.store("10","+FLAGS","(\\Flagged)"); m.logout()' "$((PORT - 93))"
mbsync -q -c "$DIR/mbsyncrc" all >> "$DIR/mbsync.out" 2>&1 || fail "second mbsync: $(tail -5 "$DIR/mbsync.out")"
COUNTS=$(/usr/bin/python3 -c 'import imaplib,sys
m=imaplib.IMAP4("127.0.0.1",int(sys.argv[1])); m.login("syncer","secret9"); t,d=m.select("INBOX")
seen=m.search(None,"SEEN")[1][0].split(); off=m.search(None,"SUBJECT","\"written offline\"")[1][0].split()
print(int(d[0]), len(seen), len(off)); m.logout()' "$((PORT - 93))")
[ "$COUNTS" = "501 3 1" ] || fail "after the second sync the server has (messages seen offline) $COUNTS, not 501 3 1"
ls "$DIR/maildir/INBOX/cur" "$DIR/maildir/INBOX/new" | grep -q ':2,[A-Z]*F' || fail "the server's \\Flagged did not reach the Maildir"
pass "mbsync: 500 LMTP-delivered messages synced; \\Seen and a new message go up, \\Flagged comes down"
# offlineimap syncs the same mailbox both ways
SEEN_BEFORE=$(/usr/bin/python3 -c 'import imaplib,sys
m=imaplib.IMAP4("127.0.0.1",int(sys.argv[1])); m.login("syncer","secret9"); m.select("INBOX")
print(len(m.search(None,"SEEN")[1][0].split())); m.store("20","+FLAGS","(\\Flagged)"); m.logout()' "$((PORT - 93))")
mkdir -p "$DIR/oimap" "$DIR/oimap-meta"
cat > "$DIR/offlineimaprc" <<CFG
[general]
accounts = zcp
metadata = $DIR/oimap-meta
ui = quiet

[Account zcp]
localrepository = local
remoterepository = remote

[Repository local]
type = Maildir
localfolders = $DIR/oimap

[Repository remote]
type = IMAP
remotehost = 127.0.0.1
remoteport = $((PORT - 93))
remoteuser = syncer
remotepass = secret9
ssl = no
starttls = no
folderfilter = lambda name: name in ["INBOX", "Drafts"]
CFG
offlineimap -o -c "$DIR/offlineimaprc" > "$DIR/offlineimap.out" 2>&1 || fail "offlineimap: $(tail -5 "$DIR/offlineimap.out")"
[ "$(find "$DIR/oimap/INBOX" -type f | wc -l)" = 501 ] \
    || fail "offlineimap brought $(find "$DIR/oimap/INBOX" -type f | wc -l) of 501 messages"
find "$DIR/oimap/INBOX" -type f -name '*:2,*F*' | grep -q . || fail "offlineimap: the server's \\Flagged is not in the Maildir"
# two read locally (not yet seen on the server), one written locally
/usr/bin/python3 -c 'import os,sys
box=sys.argv[1]; done=0
for sub in ("new","cur"):
    for f in sorted(os.listdir(os.path.join(box,sub))):
        base,_,flags=f.partition(":2,")
        if done<2 and "S" not in flags:
            os.rename(os.path.join(box,sub,f), os.path.join(box,"cur",base+":2,"+"".join(sorted(flags+"S")))); done+=1' "$DIR/oimap/INBOX"
printf 'From: syncer@example.com\r\nSubject: written in offlineimap\r\n\r\noffline too\r\n' \
    > "$DIR/oimap/INBOX/new/$(date +%s).oimap"
offlineimap -o -c "$DIR/offlineimaprc" >> "$DIR/offlineimap.out" 2>&1 || fail "second offlineimap: $(tail -5 "$DIR/offlineimap.out")"
COUNTS=$(/usr/bin/python3 -c 'import imaplib,sys
m=imaplib.IMAP4("127.0.0.1",int(sys.argv[1])); m.login("syncer","secret9"); t,d=m.select("INBOX")
seen=m.search(None,"SEEN")[1][0].split(); off=m.search(None,"SUBJECT","\"written in offlineimap\"")[1][0].split()
print(int(d[0]), len(seen), len(off)); m.logout()' "$((PORT - 93))")
[ "$COUNTS" = "502 $((SEEN_BEFORE + 2)) 1" ] \
    || fail "after offlineimap the server has (messages seen new) $COUNTS, not 502 $((SEEN_BEFORE + 2)) 1"
pass "offlineimap: 501 messages synced; \\Flagged comes down, \\Seen and a new message go up"
kill $SINK_PID 2>/dev/null || true
trap 'stop 2>/dev/null || true; postfix_stop "$DIR/postfix"' EXIT

# 5c. calendars (manual 4.10): zarafa-ical's CalDAV with third-party clients
ICAL="http://127.0.0.1:$ICAL_PORT"
zarafa-admin -c caluser -p secret10 -e caluser@example.com -f "Cal User" > /dev/null
[ "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$ICAL/.well-known/caldav")" = "301 $ICAL/caldav/" ] \
    || fail "/.well-known/caldav does not redirect to /caldav/ (RFC 6764)"
/usr/bin/python3 "$ROOT/tests/acceptance/caldav_client.py" "$ICAL" caluser secret10 > "$DIR/caldav.out" 2>&1 \
    || fail "python3-caldav: $(tail -5 "$DIR/caldav.out")"
pass "python3-caldav: $(grep -c '^ok:' "$DIR/caldav.out") steps (discovery, create, time-range search, ETags, sync-collection, MKCALENDAR, a task, delete, wrong password)"
/usr/bin/python3 "$ROOT/tests/acceptance/calendar_soap.py" "http://127.0.0.1:$PORT/zarafa" caluser secret10 Calendar \
    > "$DIR/calendar-soap.out" 2>&1 || fail "calendar over SOAP: $(tail -3 "$DIR/calendar-soap.out")"
grep -qx 'IPM.Appointment|Planning (moved)|Room 4' "$DIR/calendar-soap.out" \
    || fail "the CalDAV event is not an IPM.Appointment with its location over SOAP: $(cat "$DIR/calendar-soap.out")"
pass "the event made over CalDAV is an IPM.Appointment in the Calendar folder over SOAP, with its location"
curl -s -u caluser:secret10 "$ICAL/ical/caluser/Calendar" > "$DIR/whole.ics"
grep -q '^BEGIN:VCALENDAR' "$DIR/whole.ics" && grep -q 'SUMMARY:Planning (moved)' "$DIR/whole.ics" \
    || fail "GET /ical/caluser/Calendar: $(head -5 "$DIR/whole.ics")"
pass "the iCal gateway serves the whole calendar at /ical/caluser/Calendar"
/usr/bin/python3 "$ROOT/tests/acceptance/litmus_check.py" "$ICAL/caldav/caluser/" caluser secret10 \
    "$ROOT/tests/acceptance/litmus-expected.txt" > "$DIR/litmus.out" 2>&1 || fail "litmus: $(grep DIFF "$DIR/litmus.out")"
pass "litmus: $(tail -1 "$DIR/litmus.out") (tests/acceptance/litmus-expected.txt says why the others cannot pass)"
zarafa-admin -c syncal -p secret11 -e syncal@example.com -f "Sync Calendar" > /dev/null
sh "$ROOT/tests/acceptance/vdirsyncer.sh" "$ICAL" syncal secret11 "$DIR/vdirsyncer" > "$DIR/vdirsyncer.out" 2>&1 \
    || fail "vdirsyncer/khal: $(tail -3 "$DIR/vdirsyncer.out")"
/usr/bin/python3 "$ROOT/tests/acceptance/calendar_soap.py" "http://127.0.0.1:$PORT/zarafa" syncal secret11 Contacts \
    | grep -qx 'IPM.Contact||' || fail "the contact vdirsyncer uploaded is not an IPM.Contact over SOAP"
pass "vdirsyncer + khal: $(grep -c '^ok:' "$DIR/vdirsyncer.out") steps both ways for events and a contact (CalDAV, CardDAV); the contact is an IPM.Contact over SOAP"

# 5d. meetings (issue 11; manual 8.8): a round trip through Postfix. olga invites paul, an outside
# address and a room over CalDAV; the invitations leave as iMIP through the spooler and Postfix,
# which delivers the local ones over LMTP and relays the outside one to smtp-sink; paul accepts
# over CalDAV, the room (--mr-accept 1 --mr-decline-conflict 1) by itself; olga's copy shows both
# answers, and the room declines an overlapping booking
zarafa-admin -c olga -p secret12 -e olga@example.com -f "Olga Organizer" > /dev/null
zarafa-admin -c paul -p secret13 -e paul@example.com -f "Paul Attendee" > /dev/null
zarafa-admin -c room1 -e room1@example.com -f "Room One" -n 1 > /dev/null || fail "-c room1 -n 1"
zarafa-admin -u room1 --mr-accept 1 --mr-decline-conflict 1 | grep -q "User information updated" \
    || fail "zarafa-admin -u room1 --mr-accept 1 --mr-decline-conflict 1"
zarafa-admin --details room1 > "$DIR/room1.out"
grep -qx "Auto-accept meeting req:yes" "$DIR/room1.out" && grep -qx "Decline dbl meetingreq:$(printf '\t')yes" "$DIR/room1.out" \
    && grep -qx "Decline recur meet.req:$(printf '\t')no" "$DIR/room1.out" \
    || fail "--details room1 does not show the booking settings as the original: $(cat "$DIR/room1.out")"
pass "zarafa-admin -u room1 --mr-accept 1 --mr-decline-conflict 1; --details shows them as the original did"
rm -rf "$DIR/sink" && mkdir -p "$DIR/sink" && chown postfix "$DIR/sink"
smtp-sink -u postfix -d "$DIR/sink/%H%M%S." "127.0.0.1:$SINK" 10 > "$DIR/log/smtp-sink.log" 2>&1 &
SINK_PID=$!
trap 'kill $SINK_PID 2>/dev/null; stop 2>/dev/null || true; postfix_stop "$DIR/postfix"' EXIT
/usr/bin/python3 "$ROOT/tests/acceptance/meeting_roundtrip.py" "$ICAL" > "$DIR/meeting.out" 2>&1 \
    || fail "meeting round trip: $(tail -5 "$DIR/meeting.out")"
MEETING=$(sed -n 's/^uid: //p' "$DIR/meeting.out")
sink_wait "$MEETING"
F=$(grep -l "$MEETING" "$DIR"/sink/* | head -1)
grep -q "^X-Rcpt-Args: <guest@remote.test>" "$F" && grep -q "^METHOD:REQUEST" "$F" \
    && grep -qi "^Content-Type: text/calendar; charset=UTF-8; method=REQUEST" "$F" \
    || fail "the outside attendee did not get the iMIP request: $(head -40 "$F")"
pass "meeting round trip: $(grep -c '^ok:' "$DIR/meeting.out") steps; guest@remote.test got the iMIP REQUEST through Postfix; paul accepted over CalDAV, the room by itself, olga's copy shows both; the room declined an overlapping booking"
kill $SINK_PID 2>/dev/null || true
trap 'stop 2>/dev/null || true; postfix_stop "$DIR/postfix"' EXIT

# 6. durability: SIGKILL the server in the middle of a 500-message LMTP run from Postfix; after the
# restart and Postfix's retries every message is in the store exactly once
SENT_BEFORE=$(grep -c "to=<mary@example.com>.*status=sent" "$DIR/postfix/maillog" || true)
# Postfix takes the 500 messages first (it asks the platform for each recipient, so the server is
# up), holding LMTP delivery back; then delivery starts and the server is killed in its middle
postconf -c "$DIR/postfix/etc" -e "defer_transports = lmtp"
postfix -c "$DIR/postfix/etc" reload > /dev/null 2>&1
smtp-source -s 4 -m 500 -l 4096 -S "durability" -f sender@other.test -t mary@example.com "127.0.0.1:$SMTP" \
    || fail "smtp-source could not hand the 500 messages to Postfix"
postconf -c "$DIR/postfix/etc" -e "defer_transports ="
postfix -c "$DIR/postfix/etc" reload > /dev/null 2>&1
postqueue -c "$DIR/postfix/etc" -f
i=0
until [ "$(grep -c "to=<mary@example.com>.*status=sent" "$DIR/postfix/maillog")" -ge $((SENT_BEFORE + 60)) ]; do
    i=$((i + 1)); [ $i -lt 600 ] || fail "Postfix did not start delivering the 500 messages"
    sleep 0.1
done
# the server's own JVM, by the pid its pid file names; the restart comes only once it is gone
OLD_PID=$(cat "$DIR/run/zarafa-server.pid")
tr '\0' ' ' < "/proc/$OLD_PID/cmdline" | grep -q "java.*$PROPS" || fail "pid_file names $OLD_PID, not this run's server JVM"
kill -9 "$OLD_PID"
KILLED_AT=$(grep -c "to=<mary@example.com>.*status=sent" "$DIR/postfix/maillog")
i=0
while kill -0 "$OLD_PID" 2>/dev/null; do
    i=$((i + 1)); [ $i -lt 100 ] || fail "the server (pid $OLD_PID) still runs 10 s after SIGKILL"
    sleep 0.1
done
! kill -0 "$OLD_PID" 2>/dev/null || fail "the server (pid $OLD_PID) survived SIGKILL"
[ $((KILLED_AT - SENT_BEFORE)) -lt 500 ] || fail "all 500 were delivered before the kill; nothing was interrupted"
start
[ "$(cat "$DIR/run/zarafa-server.pid")" != "$OLD_PID" ] || fail "the pid file still names the killed server $OLD_PID"
i=0
until postqueue -c "$DIR/postfix/etc" -p | grep -q "Mail queue is empty"; do
    i=$((i + 1)); [ $i -lt 180 ] || fail "Postfix still holds mail: $(postqueue -c "$DIR/postfix/etc" -p | tail -3)"
    sleep 1
done
DELIVERED=$(( $(grep -c "to=<mary@example.com>.*status=sent" "$DIR/postfix/maillog") - SENT_BEFORE ))
STORED=$(/usr/bin/python3 "$ROOT/tests/acceptance/inbox.py" "http://127.0.0.1:$PORT/zarafa" mary secret2 durability count)
[ "$DELIVERED" = 500 ] || fail "Postfix considers $DELIVERED of 500 delivered"
[ "$STORED" = "500 0" ] || fail "mary's store holds $STORED copies of the 500 messages"
pass "SIGKILL after $((KILLED_AT - SENT_BEFORE)) of 500 LMTP deliveries: after restart and retries all 500 are stored exactly once"
postfix_stop "$DIR/postfix"

# 7. a restart keeps users and data
SIZE_BEFORE=$(zarafa-admin --details john | sed -n 's/^Current store size: *//p')
stop
start
zarafa-admin --details john | grep -q "Fullname:              John Doe" || fail "john lost after restart"
SIZE_AFTER=$(zarafa-admin --details john | sed -n 's/^Current store size: *//p')
[ "$SIZE_BEFORE" = "$SIZE_AFTER" ] && [ "$SIZE_AFTER" != "0 KB" ] || fail "store size $SIZE_BEFORE -> $SIZE_AFTER"
pass "after a restart john and his data ($SIZE_AFTER) are still there"
stop
trap - EXIT
echo "acceptance: all passed"
