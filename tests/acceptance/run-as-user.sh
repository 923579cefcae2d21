#!/bin/sh
# Review findings #6 and #13 on the built appliance, as root (run it under the server flock):
#   - a pid_file directly in /run is refused with run_as_user, and /run stays root's
#   - zarafa-server started as root with run_as_user = zarafa serves SOAP on 236 and IMAP on 143
#     as zarafa, with CAP_NET_BIND_SERVICE as its only capability
#   - the data, key stores, passwords and logs are 0600/0700 (the run directory 0750), the
#     parents of the server's directories stay root's, no key-store password is on a command line
#   - server_ssl_protocols/_ciphers/_prefer_server_ciphers and gateway ssl_protocols/_ciphers are
#     what openssl s_client gets on 237 and 993 (finding #27); WildFly's 9990 wants a login
#   - zarafa-admin, as root, still logs on with the local token
#   - started as zarafa directly with only CAP_NET_BIND_SERVICE (as the systemd unit does), the
#     server binds 236 again
# Creates the system user zarafa when it is missing. Ports 236, 237, 143, 993, 2003, 2004, 8080
# (zarafa-ical), 9990.
set -eu
[ "$(id -u)" = 0 ] || { echo "run-as-user.sh: must run as root" >&2; exit 1; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ZCP_HOME=$ROOT/appliance/target/zcp
[ -x "$ZCP_HOME/bin/zarafa-server" ] || { echo "run-as-user.sh: build the appliance first" >&2; exit 1; }
PATH=$ZCP_HOME/bin:$PATH
# like acceptance.sh: a fixed directory in the build tree, emptied at every run
DIR=$ROOT/target/run-as-user
rm -rf "$DIR"
mkdir -p "$DIR"
chmod 755 "$DIR"
export ZARAFA_CONFIG_DIR="$DIR/etc"

fail() { echo "RUN-AS-USER FAILED: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }

id zarafa > /dev/null 2>&1 || useradd --system --no-create-home --home-dir /nonexistent \
    --shell /usr/sbin/nologin zarafa

# the install recipe's modes: configuration readable by root and the zarafa group only
install -d -m 0750 -g zarafa "$DIR/etc"
cat > "$DIR/etc/server.cfg" <<CFG
server_bind = 127.0.0.1
server_tcp_port = 236
server_ssl_enabled = yes
server_ssl_port = 237
server_ssl_key_file = $DIR/etc/ssl/none.pem
server_ssl_protocols = !SSLv2 !SSLv3 !TLSv1.3
server_ssl_ciphers = ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384
server_ssl_prefer_server_ciphers = yes
run_as_user = zarafa
run_as_group = zarafa
pid_file = $DIR/run/zarafa/server.pid
local_admin_users = root
attachment_path = $DIR/lib/zarafa/attachments
log_file = $DIR/log/zarafa/server.log
log_level = 4
audit_log_enabled = yes
audit_log_method = file
audit_log_file = $DIR/log/zarafa/audit.log
CFG
printf 'server_bind = 127.0.0.1\nimap_port = 143\npop3_enable = no\nlog_file = %s\nlog_level = 4\nssl_private_key_file = %s\n' \
    "$DIR/log/zarafa/gateway.log" "$DIR/etc/none.key" > "$DIR/etc/gateway.cfg"
printf 'imaps_enable = yes\nimaps_port = 993\nssl_protocols = TLSv1.2\nssl_ciphers = kEECDH+AES256+AESGCM\n' >> "$DIR/etc/gateway.cfg"
printf 'server_bind = 127.0.0.1\nlog_file = %s\nlog_level = 4\n' "$DIR/log/zarafa/dagent.log" > "$DIR/etc/dagent.cfg"
printf 'server_bind = 127.0.0.1\nical_port = 8080\nlog_file = %s\n' "$DIR/log/zarafa/ical.log" > "$DIR/etc/ical.cfg"
# the web client is not what this test looks at: both its listeners off, so nothing binds 80/443
# (a web server of the host may hold them)
printf 'http_enable = no\nhttps_enable = no\nlog_file = %s\n' "$DIR/log/zarafa/webaccess.log" > "$DIR/etc/webaccess.cfg"
printf 'log_file = %s\n' "$DIR/log/zarafa/spooler.log" > "$DIR/etc/spooler.cfg"
chgrp zarafa "$DIR"/etc/*.cfg && chmod 0640 "$DIR"/etc/*.cfg

PROPS=$DIR/run/zarafa/zarafa-server.properties
stop() {  # the server of this run: the pid file's process, then every process of its properties file
    pids=$(cat "$DIR/run/zarafa/server.pid" 2>/dev/null || true)
    [ -z "$pids" ] || kill $pids 2>/dev/null || true
    i=0
    while pids=$(pgrep -f "$PROPS"); do
        i=$((i + 1))
        if [ $i -ge 90 ]; then kill -9 $pids 2>/dev/null || true; sleep 1; break; fi
        [ $i -ne 5 ] || kill $pids 2>/dev/null || true
        sleep 1
    done
}
# zarafa-server gives WildFly's working directories to zarafa; they are the builder's again afterwards
BUILDER=$(stat -c %u:%g "$ZCP_HOME/standalone")
trap 'stop; chown -R "$BUILDER" "$ZCP_HOME/standalone"' EXIT

# 1. a pid_file whose directory is /run is refused before anything changes hands
sed "s|^pid_file = .*|pid_file = /run/zarafa-runas-test.pid|" "$DIR/etc/server.cfg" > "$DIR/etc/bad.cfg"
if zarafa-server -F -c "$DIR/etc/bad.cfg" > "$DIR/bad.out" 2>&1; then fail "started with pid_file in /run"; fi
grep -q "its directory /run is a shared system directory" "$DIR/bad.out" || fail "no reason given: $(cat "$DIR/bad.out")"
[ "$(stat -c %U /run)" = root ] || fail "/run was given away"
pass "pid_file in /run refused with run_as_user, /run untouched"

# 2. started as root, served as zarafa on ports below 1024
zarafa-server -c "$DIR/etc/server.cfg" > "$DIR/start.out" 2>&1 || fail "start: $(cat "$DIR/start.out")"
i=0
until curl -sf "http://127.0.0.1:236/zarafa?wsdl" > /dev/null 2>&1 && [ -s "$DIR/run/zarafa/zarafa-admin.token" ] \
        && python3 -c 'import socket; print(socket.create_connection(("127.0.0.1", 143), 5).recv(200).decode())' \
            2>/dev/null | grep -q '^\* OK'; do
    i=$((i + 1))
    [ $i -lt 180 ] || fail "server did not come up; see $DIR/run/zarafa/zarafa-server.out: $(tail -20 "$DIR/run/zarafa/zarafa-server.out")"
    sleep 1
done
curl -skf "https://127.0.0.1:237/zarafa?wsdl" | grep -q 'name="ZarafaCmd"' || fail "no WSDL over TLS on 237"
pass "SOAP on 236 and 237 (TLS) and IMAP on 143 answer"

users=$(ps -o user= -p "$(pgrep -d, -f "$PROPS")" | sort -u)
[ "$users" = zarafa ] || fail "server processes run as: $users"
java=$(pgrep -f "java.*$PROPS" | head -1)
[ -n "$java" ] || fail "no JVM found"
grep -q '^CapEff:[[:space:]]*0000000000000400$' "/proc/$java/status" \
    || fail "JVM capabilities: $(grep Cap "/proc/$java/status")"
ss -ltnp | grep -q "127.0.0.1:143 .*pid=$java," || fail "143 is not the JVM's: $(ss -ltnp | grep ':143 ')"
pass "every server process runs as zarafa; the JVM has only CAP_NET_BIND_SERVICE"

# the TLS options reach Elytron (SOAP) and the gateway (IMAPS), review finding #27
tls() {  # tls PORT OPENSSL-OPTIONS...: the negotiated protocol and cipher, or nothing
    port=$1; shift
    echo | timeout 10 openssl s_client -connect "127.0.0.1:$port" "$@" 2>/dev/null \
        | sed -n 's/^New, \(TLS[^,]*\), Cipher is \(.*\)$/\1 \2 /p'
}
[ "$(tls 237)" = "TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 " ] || fail "237 negotiated: $(tls 237)"
[ -z "$(tls 237 -tls1_3)" ] || fail "237 accepted TLSv1.3 despite server_ssl_protocols: $(tls 237 -tls1_3)"
[ "$(tls 237 -cipher ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256)" = "TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256 " ] \
    || fail "237 did not prefer its own order"
[ -z "$(tls 237 -tls1_2 -cipher ECDHE-RSA-AES128-SHA)" ] || fail "237 accepted a suite not in server_ssl_ciphers"
[ "$(tls 993)" = "TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 " ] || fail "993 negotiated: $(tls 993)"
[ -z "$(tls 993 -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256)" ] || fail "993 accepted a suite not in ssl_ciphers"
pass "server_ssl_protocols/ciphers/prefer_server_ciphers and ssl_protocols/ciphers are what TLS clients get"

# 3. modes and owners
check() {  # check MODE OWNER PATH
    got=$(stat -c '%a %U' "$3")
    [ "$got" = "$1 $2" ] || fail "$3 is $got, expected $1 $2"
}
check 700 zarafa "$DIR/lib/zarafa"
check 600 zarafa "$DIR/lib/zarafa/zarafa.mv.db"
check 700 zarafa "$DIR/lib/zarafa/attachments"
check 700 zarafa "$DIR/lib/zarafa/ssl"
check 600 zarafa "$DIR/lib/zarafa/ssl/selfsigned.p12"
check 600 zarafa "$DIR/lib/zarafa/ssl/selfsigned.pass"
check 750 zarafa "$DIR/run/zarafa"
check 600 zarafa "$PROPS"
check 600 zarafa "$DIR/run/zarafa/zarafa-server-ssl.p12"
check 600 zarafa "$DIR/run/zarafa/zarafa-gateway-ssl.p12"
check 640 zarafa "$DIR/run/zarafa/zarafa-admin.token"
check 700 zarafa "$DIR/log/zarafa"
check 600 zarafa "$DIR/log/zarafa/server.log"
for d in "$DIR/lib" "$DIR/run" "$DIR/log" "$DIR/etc"; do
    [ "$(stat -c %U "$d")" = root ] || fail "$d was given away"
done
pass "data, key stores, passwords and logs are zarafa's alone; their parents stay root's"

for key in zcp.ssl.keystore.password zcp.pop3.keystore.password; do
    # the password goes to grep in a file: as an argument it would be on grep's own command line
    sed -n "s/^$key=//p" "$PROPS" > "$DIR/pw"
    [ -s "$DIR/pw" ] || fail "$key not in $PROPS"
    if cat /proc/[0-9]*/cmdline 2>/dev/null | tr '\0' '\n' | grep -qxFf "$DIR/pw"; then fail "$key on a command line"; fi
done
pass "no key-store password on any command line"

# /metrics and /health are not there at all (configure.cli removes them); the management API wants a login
for path in metrics health; do
    code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9990/$path)
    case $code in 401|404) ;; *) fail "WildFly's /$path on 9990 answered $code without credentials" ;; esac
done
code=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:9990/management)
[ "$code" = 401 ] || fail "WildFly's /management on 9990 answered $code without credentials"
pass "WildFly's /metrics and /health are gone and /management wants a management user"

# 4. the local administrator still logs on with the token
zarafa-admin -l > "$DIR/admin.out" 2>&1 || fail "zarafa-admin -l: $(cat "$DIR/admin.out")"
pass "zarafa-admin logs on as root with the token"

# 4b. logrotate's way (manual 6.5, 7.1.2): the files are renamed and the pid file's process gets
# SIGHUP; the server goes on and opens new files, owned by zarafa, where the next lines go
zarafa-admin -c rotor -p rotor-secret -e rotor@example.com -f Rotor > /dev/null || fail "zarafa-admin -c rotor"
zarafa-admin -u rotor --enable-feature imap > /dev/null
imap_logon() {
    python3 -c 'import imaplib, sys; c = imaplib.IMAP4("127.0.0.1", 143); c.login("rotor", "rotor-secret"); c.logout()' \
        || fail "IMAP logon of rotor"
}
deliver() {
    swaks --silent 2 --protocol LMTP --server 127.0.0.1:2003 --from a@example.net --to rotor@example.com \
        --header "Subject: $1" --body x || fail "LMTP delivery $1"
}
imap_logon
deliver before-rotation
L=$DIR/log/zarafa
for f in server gateway dagent audit; do
    [ -s "$L/$f.log" ] || fail "no $f.log before the rotation"
    mv "$L/$f.log" "$L/$f.log.1"
done
jvm=$(cat "$DIR/run/zarafa/server.pid")
kill -HUP "$jvm"
i=0
until grep -q "configuration reloaded (SIGHUP)" "$L/server.log" 2> /dev/null; do
    i=$((i + 1)); [ $i -lt 30 ] || fail "no reload in a new server.log after SIGHUP: $(tail -5 "$L/server.log.1")"
    sleep 1
done
kill -0 "$jvm" 2> /dev/null || fail "the server ended at SIGHUP"
imap_logon
deliver after-rotation
for f in server gateway dagent audit; do check 600 zarafa "$L/$f.log"; done
grep -q "rotor logged in" "$L/gateway.log" || fail "gateway.log after the rotation: $(cat "$L/gateway.log")"
grep -q " to rotor, folder Inbox" "$L/dagent.log" || fail "dagent.log after the rotation: $(cat "$L/dagent.log")"
grep -q "authenticate ok user='rotor'" "$L/audit.log" || fail "audit.log after the rotation: $(cat "$L/audit.log")"
[ "$(grep -c " to rotor, folder Inbox" "$L/dagent.log.1")" = 1 ] || fail "the delivery after the rotation went to dagent.log.1"
[ "$(grep -c "rotor logged in" "$L/gateway.log.1")" = 1 ] || fail "the logon after the rotation went to gateway.log.1"
if grep -q " to rotor, folder\|rotor logged in" "$L/server.log"; then fail "dagent or gateway lines in server.log"; fi
curl -sf "http://127.0.0.1:236/zarafa?wsdl" > /dev/null || fail "SOAP after SIGHUP"
pass "SIGHUP: the same server reloads and writes new server, gateway, dagent and audit logs (0600 zarafa); the rotated ones keep the old lines"

# 5. as systemd starts it (User=zarafa, AmbientCapabilities=CAP_NET_BIND_SERVICE, -F): the
# launcher runs as zarafa itself, hands nothing over, and the server binds 236 again
stop
setpriv --reuid=zarafa --regid=zarafa --init-groups --inh-caps=-all,+net_bind_service \
    --ambient-caps=-all,+net_bind_service --bounding-set=-all,+net_bind_service \
    env PATH="$PATH" ZARAFA_CONFIG_DIR="$ZARAFA_CONFIG_DIR" zarafa-server -F -c "$DIR/etc/server.cfg" \
    > "$DIR/systemd.out" 2>&1 &
i=0
until curl -sf "http://127.0.0.1:236/zarafa?wsdl" > /dev/null 2>&1 && [ -s "$DIR/run/zarafa/server.pid" ]; do
    i=$((i + 1))
    [ $i -lt 180 ] || fail "server started as zarafa did not come up: $(tail -20 "$DIR/systemd.out")"
    sleep 1
done
[ "$(ps -o user= -p "$(cat "$DIR/run/zarafa/server.pid")")" = zarafa ] || fail "pid file names no zarafa process"
check 600 zarafa "$PROPS"
pass "started as zarafa directly (systemd), the server binds 236 and keeps its files private"

# systemctl reload (ExecReload=kill -HUP $MAINPID): under -F the main process is WildFly's
# standalone.sh, which passes SIGHUP on to the JVM; the JVM reloads and keeps serving
main=$!
jvm=$(cat "$DIR/run/zarafa/server.pid")
before=$(grep -c "configuration reloaded (SIGHUP)" "$L/server.log" || true)
kill -HUP "$main"
i=0
until [ "$(grep -c "configuration reloaded (SIGHUP)" "$L/server.log")" -gt "$before" ]; do
    i=$((i + 1)); [ $i -lt 30 ] || fail "no reload after SIGHUP to the -F process: $(tail -5 "$L/server.log")"
    sleep 1
done
kill -0 "$main" 2> /dev/null && kill -0 "$jvm" 2> /dev/null || fail "SIGHUP to the -F process ended the server"
curl -sf "http://127.0.0.1:236/zarafa?wsdl" > /dev/null || fail "SOAP after SIGHUP under -F"
pass "systemctl reload's SIGHUP to the -F process reloads the server, which goes on serving"
