#!/bin/sh
# The appliance playbook on a Debian 12 root file system (issue 14, docs/appliance-plan.md):
# mmdebstrap builds it, ansible/site.yml is applied over the chroot connection for a 2 GB
# machine, applied again (the second run must change nothing), and testinfra checks the result;
# then for a 16 GB machine (the other row of the hardware table) and checked again; wrong
# inventories (memory below the table, a password with a quote, a missing certificate) must
# fail in the preflight role with their message and change nothing; the grant SQL the play
# renders is run twice against the MariaDB of the tests and the user it makes logs on.
# Services are not started in a chroot. Needs root; the apt mirror of the machine.
#   sh tests/appliance/chroot.sh          (after ./zcp build: it installs appliance/target/zcp)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$ROOT/target/appliance
FS=$WORK/root
[ "$(id -u)" = 0 ] || { echo "appliance test: needs root (mmdebstrap, chroot)" >&2; exit 1; }
for tool in mmdebstrap ansible-playbook ansible-lint pytest-3; do
    command -v $tool > /dev/null || {
        echo "appliance test: $tool is missing: apt-get install mmdebstrap ansible ansible-lint python3-testinfra" >&2
        exit 1
    }
done
/usr/bin/python3 -c 'import testinfra' 2> /dev/null || { echo "appliance test: apt-get install python3-testinfra" >&2; exit 1; }
[ -x "$ROOT/appliance/target/zcp/bin/zarafa-server" ] || { echo "appliance test: build the platform first (./zcp build)" >&2; exit 1; }

cd "$ROOT/ansible"
echo "appliance test: ansible-lint and syntax check"
ansible-lint --offline -q
ansible-playbook --syntax-check -i "$ROOT/ansible/inventory.example.ini" site.yml > /dev/null

if [ -d "$FS" ]; then umount -R "$FS/proc" 2> /dev/null || true; fi
rm -rf "$WORK"
mkdir -p "$WORK"
"$ROOT/zcp" dist "$WORK/zcp.tar"
echo "appliance test: a Debian 12 root file system (mmdebstrap)"
# the machine's mirror is a dated snapshot: its Release files are past their Valid-Until
mmdebstrap --quiet --variant=minbase --include=python3 --aptopt='Acquire::Check-Valid-Until "false"' \
    bookworm "$FS" > "$WORK/mmdebstrap.log" 2>&1 || { cat "$WORK/mmdebstrap.log" >&2; exit 1; }
# as in an image build: name resolution for apt, and no service starts inside the chroot
cp /etc/resolv.conf "$FS/etc/resolv.conf"
printf '#!/bin/sh\nexit 101\n' > "$FS/usr/sbin/policy-rc.d"
chmod 755 "$FS/usr/sbin/policy-rc.d"

PASSWORD=appl-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
INVENTORY=$WORK/inventory.ini
printf '[appliance]\n%s ansible_connection=community.general.chroot\n' "$FS" > "$INVENTORY"
play() { # play LOG ARGS...: ansible-playbook with the test's variables; the recap in LOG
    _log=$1; shift
    ansible-playbook -i "$INVENTORY" site.yml -e zcp_dist_tar="$WORK/zcp.tar" -e zcp_mysql_password="$PASSWORD" \
        -e zcp_mysql_database=zcp_appliance_test -e zcp_mysql_user=zcp_appliance_test \
        -e zcp_hostname=zcp.example.test -e '{"zcp_mail_domains": ["example.test", "example.org"]}' "$@" > "$_log" 2>&1
}
recap() { grep -E "^$FS +: " "$1" || true; }
changed() { recap "$1" | sed -n 's/.*changed=\([0-9]*\).*/\1/p'; }

echo "appliance test: the play for a 2 GB machine"
play "$WORK/play-1.log" -e zcp_memory_mb=1990 || { cat "$WORK/play-1.log" >&2; exit 1; }
echo "appliance test: $(recap "$WORK/play-1.log")"
play "$WORK/play-2.log" -e zcp_memory_mb=1990 || { cat "$WORK/play-2.log" >&2; exit 1; }
[ "$(changed "$WORK/play-2.log")" = 0 ] || {
    echo "appliance test: the second run changed something:" >&2; grep -B2 -E '^changed:' "$WORK/play-2.log" >&2; exit 1; }
echo "appliance test: again: $(recap "$WORK/play-2.log")"
ZCP_EXPECT_MEMORY_GB=2 pytest-3 -q -p no:cacheprovider --connection=chroot --hosts="$FS" "$ROOT/tests/appliance/test_appliance.py"

echo "appliance test: the play for a 16 GB machine"
play "$WORK/play-3.log" -e zcp_memory_mb=16384 || { cat "$WORK/play-3.log" >&2; exit 1; }
ZCP_EXPECT_MEMORY_GB=16 pytest-3 -q -p no:cacheprovider --connection=chroot --hosts="$FS" "$ROOT/tests/appliance/test_appliance.py"

# refusal LOG MESSAGE ARGS...: the play fails in preflight with MESSAGE and changes nothing
refusal() {
    _log=$1; _msg=$2; shift 2
    if play "$_log" "$@"; then echo "appliance test: the play took $* (see $_log)" >&2; exit 1; fi
    grep -q -- "$_msg" "$_log" || { echo "appliance test: '$_msg' not said for $*:" >&2; cat "$_log" >&2; exit 1; }
    [ "$(changed "$_log")" = 0 ] || { echo "appliance test: a refused play changed something ($*)" >&2; exit 1; }
    echo "appliance test: refused as it should: $*"
}
refusal "$WORK/bad-memory.log" "below the hardware table's smallest row" -e zcp_memory_mb=1024
refusal "$WORK/bad-password.log" "may not contain quotes" -e zcp_memory_mb=4096 -e '{"zcp_mysql_password": "it'"'"'s"}'
refusal "$WORK/bad-cert.log" "does not exist on this machine" -e zcp_memory_mb=4096 \
    -e zcp_ssl_certificate_file=/nonexistent/cert.pem -e zcp_ssl_private_key_file=/nonexistent/key.pem
refusal "$WORK/bad-domains.log" "zcp_mail_domains must list the mail domains" -e zcp_memory_mb=4096 \
    -e '{"zcp_mail_domains": []}'
refusal "$WORK/bad-pair.log" "go together" -e zcp_memory_mb=4096 -e zcp_ssl_certificate_file=/etc/hostname
# after a failure, a run with good values finishes the job
play "$WORK/play-4.log" -e zcp_memory_mb=4096 || { cat "$WORK/play-4.log" >&2; exit 1; }
ZCP_EXPECT_MEMORY_GB=4 pytest-3 -q -p no:cacheprovider --connection=chroot --hosts="$FS" "$ROOT/tests/appliance/test_appliance.py"

echo "appliance test: an upgrade keeps the configuration and the data; a downgrade is refused"
echo "# kept by the administrator" >> "$FS/etc/zarafa/server.cfg"
mkdir -p "$FS/var/lib/zarafa" && echo data > "$FS/var/lib/zarafa/marker"
cp "$WORK/zcp.tar" "$WORK/newer.tar"
echo newer > "$WORK/UPGRADED"
tar -rf "$WORK/newer.tar" -C "$WORK" ./UPGRADED
play "$WORK/upgrade.log" -e zcp_memory_mb=4096 -e zcp_dist_tar="$WORK/newer.tar" || { cat "$WORK/upgrade.log" >&2; exit 1; }
[ -f "$FS/opt/zarafa/UPGRADED" ] && [ -x "$FS/opt/zarafa/bin/zarafa-server" ] || { echo "appliance test: the upgrade did not install the new tree" >&2; exit 1; }
grep -q "^# kept by the administrator" "$FS/etc/zarafa/server.cfg" || { echo "appliance test: the upgrade lost server.cfg's edit" >&2; exit 1; }
[ "$(cat "$FS/var/lib/zarafa/marker")" = data ] || { echo "appliance test: the upgrade lost /var/lib/zarafa" >&2; exit 1; }
schema=$(tar -xOf "$WORK/zcp.tar" ./VERSION | sed -n 's/^schema=//p')
cp "$WORK/zcp.tar" "$WORK/older.tar"
tar --delete -f "$WORK/older.tar" ./VERSION
tar -xOf "$WORK/zcp.tar" ./VERSION | sed "s/^schema=.*/schema=$((schema - 1))/" > "$WORK/VERSION"
tar -rf "$WORK/older.tar" -C "$WORK" ./VERSION
refusal "$WORK/downgrade.log" "A downgrade is not possible" -e zcp_memory_mb=4096 -e zcp_dist_tar="$WORK/older.tar"
[ -f "$FS/opt/zarafa/UPGRADED" ] || { echo "appliance test: the refused downgrade touched /opt/zarafa" >&2; exit 1; }
echo "appliance test: upgraded in place (configuration and data kept), downgrade to schema $((schema - 1)) refused"

echo "appliance test: with zcp_ldap, OpenLDAP with the Zarafa schema and the LDAP user plugin"
refusal "$WORK/bad-ldap.log" "needs zcp_ldap_admin_password" -e zcp_memory_mb=4096 -e zcp_ldap=true
play "$WORK/ldap-1.log" -e zcp_memory_mb=4096 -e zcp_ldap=true -e zcp_ldap_admin_password=ldap-secret \
    || { cat "$WORK/ldap-1.log" >&2; exit 1; }
play "$WORK/ldap-2.log" -e zcp_memory_mb=4096 -e zcp_ldap=true -e zcp_ldap_admin_password=ldap-secret \
    || { cat "$WORK/ldap-2.log" >&2; exit 1; }
[ "$(changed "$WORK/ldap-2.log")" = 0 ] || {
    echo "appliance test: the second LDAP run changed something:" >&2; grep -B2 -E '^changed:' "$WORK/ldap-2.log" >&2; exit 1; }
ZCP_EXPECT_LDAP=1 ZCP_EXPECT_MEMORY_GB=4 pytest-3 -q -p no:cacheprovider --connection=chroot --hosts="$FS" "$ROOT/tests/appliance/test_appliance.py"

echo "appliance test: the grant SQL against MariaDB (twice), then a logon as the user it made"
SQL=$FS/etc/mysql/zarafa-grants.sql
cleanup() { mariadb -h 127.0.0.1 -u root -e "DROP USER IF EXISTS 'zcp_appliance_test'@'localhost';
    DROP DATABASE IF EXISTS zcp_appliance_test" 2> /dev/null || true; }
trap cleanup EXIT
cleanup
mariadb -h 127.0.0.1 -u root < "$SQL"
mariadb -h 127.0.0.1 -u root < "$SQL"
mariadb -h 127.0.0.1 -u root -N -e "SHOW GRANTS FOR 'zcp_appliance_test'@'localhost'" \
    | grep -q 'GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER, LOCK TABLES ON `zcp_appliance_test`' \
    || { echo "appliance test: the grant is not manual 4.1's" >&2; exit 1; }
mariadb -u zcp_appliance_test -p"$PASSWORD" -e 'CREATE TABLE zcp_appliance_test.t (i INT); DROP TABLE zcp_appliance_test.t' \
    || { echo "appliance test: the user the SQL made cannot use its database" >&2; exit 1; }
echo "appliance test: passed"
