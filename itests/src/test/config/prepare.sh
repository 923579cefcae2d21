#!/bin/sh
# prepare.sh h2|mariadb DIR [DATABASE] [hosted|single|ldap]: a fresh server.cfg for one integration
# test run, turned into system properties by the same launcher bin/zarafa-server uses. "single" runs
# the server without multi-tenancy (enable_hosted_zarafa = no) on its own ports (14xxx H2, 15xxx
# MariaDB); "ldap" single-tenant with user_plugin = ldap (16xxx) against a private slapd on 16389
# that it starts with the manual's Appendix C and the tests' entries loaded, "ldaphosted" the same
# in hosted mode (17xxx, slapd on 17389) with the companies of hosted.ldif (both slapds stopped by
# "slapd.sh stop DIR/slapd" after the run).
set -e
DB=$1
DIR=$2
DATABASE=${3:-zarafa_itest}
[ "$DATABASE" = - ] && DATABASE=zarafa_itest
MODE=${4:-hosted}
HERE=$(cd "$(dirname "$0")" && pwd)
ZCP_HOME=$(cd "$HERE/../../../../appliance/target/zcp" && pwd)
case "$MODE" in hosted) RUN=$DB ;; *) RUN=$DB-$MODE ;; esac
# a slapd a broken earlier run left behind holds the port: stopped before its directory goes
case "$MODE" in ldap*) [ -f "$DIR/slapd/slapd.pid" ] && sh "$HERE/slapd.sh" stop "$DIR/slapd" ;; esac
rm -rf "$(dirname "$DIR")/failsafe-reports/$RUN" "$DIR"
mkdir -p "$DIR/etc" "$DIR/run" "$DIR/lib/attachments" "$DIR/log"
# a private copy of the server's base directory (configuration, deployments, data)
cp -a "$ZCP_HOME/standalone" "$DIR/standalone"
rm -rf "$DIR/standalone/data" "$DIR/standalone/tmp" "$DIR/standalone/log"
case "$DB-$MODE" in
    h2-hosted) BASE=12 ;;
    mariadb-hosted) BASE=13 ;;
    h2-single) BASE=14 ;;
    mariadb-single) BASE=15 ;;
    h2-ldap) BASE=16 ;;
    h2-ldaphosted) BASE=17 ;;
    h2-unix) BASE=19 ;;
    *) echo "prepare.sh: unknown database/mode $DB $MODE" >&2; exit 2 ;;
esac
PORT=${BASE}236; SSL=${BASE}237; LMTP=${BASE}003
cat > "$DIR/etc/dagent.cfg" <<CFG
server_bind = 127.0.0.1
lmtp_port = $LMTP
lmtp_max_threads = 8
lookup_port = $((LMTP + 1))
archive_on_delivery = yes
log_file = $DIR/log/dagent.log
log_level = 4
CFG
# the spooler relays to an SMTP sink the tests run on lmtp_port + 10; retries come quickly
cat > "$DIR/etc/spooler.cfg" <<CFG
smtp_server = 127.0.0.1
smtp_port = $((LMTP + 10))
max_threads = 2
retry_delay = 1
retry_lifetime = 20
archive_on_send = yes
log_file = $DIR/log/spooler.log
log_level = 4
CFG
# POP3 on lmtp_port + 107 (12110), POP3S + 992 (12995), IMAP + 140 (12143), IMAPS + 990 (12993)
cat > "$DIR/etc/gateway.cfg" <<CFG
server_bind = 127.0.0.1
pop3_port = $((LMTP + 107))
pop3s_enable = yes
pop3s_port = $((LMTP + 992))
imap_port = $((LMTP + 140))
imaps_enable = yes
imaps_port = $((LMTP + 990))
ssl_private_key_file = $DIR/etc/gateway/privkey.pem
ssl_certificate_file = $DIR/etc/gateway/cert.pem
log_file = $DIR/log/gateway.log
# HostileInputIT fills every slot with idle connections
gateway_max_connections = 60
CFG
# zarafa-ical (manual 4.10): HTTP on BASE080 (12080), HTTPS on BASE443 (12443), never the manual's
# 8080/8443, which another server on the machine may hold; the key and certificate made the
# manual's way (4.10.1), as the secure service does not start without them
mkdir -p "$DIR/etc/ical"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$DIR/etc/ical/privkey.pem" -out "$DIR/etc/ical/cert.pem" \
    -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2> /dev/null
cat > "$DIR/etc/ical.cfg" <<CFG
server_bind = 127.0.0.1
ical_port = ${BASE}080
icals_enable = yes
icals_port = ${BASE}443
ssl_private_key_file = $DIR/etc/ical/privkey.pem
ssl_certificate_file = $DIR/etc/ical/cert.pem
log_file = $DIR/log/ical.log
log_level = 4
CFG
# WebAccess (docs/webaccess.md): HTTP on BASE180 (12180), HTTPS on BASE543 (12543), never the
# manual's 80/443; its own key and certificate, made like zarafa-ical's (https_enable = yes
# does not start without them)
mkdir -p "$DIR/etc/webaccess"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$DIR/etc/webaccess/privkey.pem" -out "$DIR/etc/webaccess/cert.pem" \
    -days 30 -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 2> /dev/null
cat > "$DIR/etc/webaccess.cfg" <<CFG
server_bind = 127.0.0.1
http_port = ${BASE}180
https_enable = yes
https_port = ${BASE}543
ssl_private_key_file = $DIR/etc/webaccess/privkey.pem
ssl_certificate_file = $DIR/etc/webaccess/cert.pem
log_file = $DIR/log/webaccess.log
log_level = 4
CFG
cat > "$DIR/etc/autorespond" <<CFG
AUTORESPOND_CC=0
AUTORESPOND_NORECIP=0
TIMELIMIT=\$[24*60*60]
CFG
cat > "$DIR/etc/server.cfg" <<CFG
server_bind = 127.0.0.1
server_tcp_port = $PORT
server_ssl_enabled = yes
server_ssl_port = $SSL
server_ssl_key_file = $DIR/etc/ssl/server.pem
pid_file = $DIR/run/zarafa-server.pid
local_admin_users = root $(id -un)
attachment_path = $DIR/lib/attachments
attachment_storage = files
log_file = $DIR/log/server.log
log_level = 4
audit_log_enabled = yes
audit_log_method = file
audit_log_file = $DIR/log/audit.log
createuser_script = $DIR/etc/createuser
# the matrix shows the named-property cap with a few hundred names (default 2048)
namedprop_user_limit = 400
CFG
# a createuser script shows the event scripts run (manual 8.5.1.1)
cat > "$DIR/etc/createuser" <<'SH'
#!/bin/sh
echo "$ZARAFA_USER" >> "$(dirname "$0")/../log/created-users"
SH
chmod +x "$DIR/etc/createuser"
if [ "$MODE" = hosted ]; then
    cat >> "$DIR/etc/server.cfg" <<CFG
enable_hosted_zarafa = yes
loginname_format = %u@%c
CFG
fi
case "$MODE" in ldap*)
    LDAP_PORT=${BASE}389
    # the hosted run reaches slapd over ldaps (its own CA): the plugin's LDAPS and Elytron's
    # ldap-realm zarafa-ldaps; the single-tenant run over plain ldap (zarafa-ldap)
    if [ "$MODE" = ldaphosted ]; then
        SLAPD_TLS_PORT=${BASE}636 sh "$HERE/slapd.sh" start "$DIR/slapd" $LDAP_PORT
    else
        sh "$HERE/slapd.sh" start "$DIR/slapd" $LDAP_PORT
    fi
    if [ "$MODE" = ldap ]; then
        sh "$HERE/slapd.sh" load-appendix-c "$DIR/slapd" $LDAP_PORT "$HERE/../resources/ldap/appendix-c.ldif"
        sh "$HERE/slapd.sh" load "$DIR/slapd" $LDAP_PORT "$HERE/../resources/ldap/extra.ldif"
    else
        sh "$HERE/slapd.sh" load "$DIR/slapd" $LDAP_PORT "$HERE/../resources/ldap/hosted.ldif"
        cat >> "$DIR/etc/server.cfg" <<CFG
enable_hosted_zarafa = yes
loginname_format = %u@%c
CFG
    fi
    # the shipped OpenLDAP example, pointed at the private slapd
    sed -e "s|^ldap_host *=.*|ldap_host = 127.0.0.1|" -e "s|^ldap_port *=.*|ldap_port = $LDAP_PORT|" \
        -e "s|^ldap_bind_passwd *=.*|ldap_bind_passwd = secret|" -e "s|^!propmap.*||" \
        -e "s|^ldap_network_timeout *=.*|ldap_network_timeout = 5|" \
        "$HERE/../../../../appliance/src/main/etc/ldap.openldap.cfg" > "$DIR/etc/ldap.cfg"
    if [ "$MODE" = ldaphosted ]; then
        sed -i -e "s|^ldap_uri *=.*|ldap_uri = ldaps://127.0.0.1:${BASE}636/|" \
            -e "s|^ldap_tls_cacert *=.*|ldap_tls_cacert = $DIR/slapd/tls/ca.pem|" "$DIR/etc/ldap.cfg"
    fi
    cat >> "$DIR/etc/server.cfg" <<CFG
user_plugin = ldap
user_plugin_config = $DIR/etc/ldap.cfg
CFG
    ;;
esac
if [ "$MODE" = unix ]; then
    # account files of the test's own (unix.cfg's passwd_file/group_file/shadow_file), never the host's
    mkdir -p "$DIR/unix"
    cat > "$DIR/unix/passwd" <<'PW'
root:x:0:0:root:/root:/bin/bash
alice:x:3001:3001:Alice Unix,,,:/home/alice:/bin/bash
bob:x:3002:100:Bob Unix:/home/bob:/bin/bash
frontdesk:x:3003:3003:Front Desk:/home/frontdesk:/usr/sbin/nologin
PW
    cat > "$DIR/unix/group" <<'GR'
root:x:0:
users:x:100:
alice:x:3001:
staff:x:3100:alice,bob
GR
    cat > "$DIR/unix/shadow" <<SH
root:*:19000:0:99999:7:::
alice:__ALICE__:19000:0:99999:7:::
bob:$(openssl passwd -6 -salt bobsalt1 bob-unix):19000:0:99999:7:::
frontdesk:!:19000:0:99999:7:::
SH
    sed -i "s|__ALICE__|$(cat "$HERE/../resources/unix/alice.hash")|" "$DIR/unix/shadow"
    cat > "$DIR/etc/unix.cfg" <<CFG
default_domain = unix.example
non_login_shell = /usr/sbin/nologin
min_user_uid = 3000
max_user_uid = 3999
min_group_gid = 3000
max_group_gid = 3999
passwd_file = $DIR/unix/passwd
group_file = $DIR/unix/group
shadow_file = $DIR/unix/shadow
CFG
    cat >> "$DIR/etc/server.cfg" <<CFG
user_plugin = unix
user_plugin_config = $DIR/etc/unix.cfg
CFG
fi
if [ "$DB" = mariadb ]; then
    cat >> "$DIR/etc/server.cfg" <<CFG
mysql_host = 127.0.0.1
mysql_port = 3306
mysql_user = root
mysql_password =
mysql_database = $DATABASE
attachment_storage = database
CFG
    mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS \`$DATABASE\`"
fi
. "$ZCP_HOME/bin/zcp-java"
"$JAVA" -cp "$ZCP_HOME/zarafa/lib/zcp-tools.jar" org.zcp.tools.server.ServerLauncher -c "$DIR/etc/server.cfg"
