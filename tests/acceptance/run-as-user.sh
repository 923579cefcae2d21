#!/bin/sh
# Review findings #6 and #13 on the built appliance, as root (run it under the server flock):
#   - a pid_file directly in /run is refused with run_as_user, and /run stays root's
#   - zarafa-server started as root with run_as_user = zarafa serves SOAP on 236 and IMAP on 143
#     as zarafa, with CAP_NET_BIND_SERVICE as its only capability
#   - the data, key stores, passwords and logs are 0600/0700 (the run directory 0750), the
#     parents of the server's directories stay root's, no key-store password is on a command line
#   - zarafa-admin, as root, still logs on with the local token
set -eu
[ "$(id -u)" = 0 ] || { echo "run-as-user.sh: must run as root" >&2; exit 1; }
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ZCP_HOME=$ROOT/appliance/target/zcp
[ -x "$ZCP_HOME/bin/zarafa-server" ] || { echo "run-as-user.sh: build the appliance first" >&2; exit 1; }
PATH=$ZCP_HOME/bin:$PATH
DIR=$(mktemp -d /tmp/zcp-runas.XXXXXX)
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
run_as_user = zarafa
run_as_group = zarafa
pid_file = $DIR/run/zarafa/server.pid
local_admin_users = root
attachment_path = $DIR/lib/zarafa/attachments
log_file = $DIR/log/zarafa/server.log
CFG
printf 'server_bind = 127.0.0.1\nimap_port = 143\npop3_enable = no\nlog_file = %s\nssl_private_key_file = %s\n' \
    "$DIR/log/zarafa/gateway.log" "$DIR/etc/none.key" > "$DIR/etc/gateway.cfg"
printf 'server_bind = 127.0.0.1\n' > "$DIR/etc/dagent.cfg"
: > "$DIR/etc/spooler.cfg"
chgrp zarafa "$DIR"/etc/*.cfg && chmod 0640 "$DIR"/etc/*.cfg

PROPS=$DIR/run/zarafa/zarafa-server.properties
stop() {
    [ -s "$DIR/run/zarafa/server.pid" ] || return 0
    pid=$(cat "$DIR/run/zarafa/server.pid")
    kill "$pid" 2>/dev/null || true
    i=0
    while kill -0 "$pid" 2>/dev/null; do
        i=$((i + 1)); [ $i -lt 90 ] || { kill -9 "$pid"; break; }
        sleep 1
    done
}
trap 'stop; rm -rf "$DIR"' EXIT

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

# 4. the local administrator still logs on with the token
zarafa-admin -l > "$DIR/admin.out" 2>&1 || fail "zarafa-admin -l: $(cat "$DIR/admin.out")"
pass "zarafa-admin logs on as root with the token"
