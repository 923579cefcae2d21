#!/bin/sh
# ./zcp test: every test. Unit tests and the Arquillian integration tests (on the built server,
# against the embedded H2 database and against MariaDB) run in the Maven build; the acceptance
# test then drives the appliance with zarafa-admin and python3-zeep.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/appliance/src/main/bin/zcp-java"

# MariaDB for the integration tests: use the running one on 127.0.0.1:3306, start it if it is
# installed but stopped.
if ! mariadb -h 127.0.0.1 -u root -e 'SELECT 1' > /dev/null 2>&1; then
    if [ -x /usr/sbin/mariadbd ]; then
        echo "zcp test: starting MariaDB"
        mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
        start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
        i=0
        until mariadb -h 127.0.0.1 -u root -e 'SELECT 1' > /dev/null 2>&1; do
            i=$((i + 1)); [ $i -lt 60 ] || { echo "zcp test: MariaDB did not start" >&2; exit 1; }
            sleep 1
        done
    else
        echo "zcp test: MariaDB is needed on 127.0.0.1:3306 (root, empty password): apt-get install mariadb-server" >&2
        exit 1
    fi
fi
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import zeep' 2>/dev/null || {
    echo "zcp test: python3-zeep is needed for the acceptance test: apt-get install python3-zeep" >&2
    exit 1
}

command -v litmus > /dev/null && command -v vdirsyncer > /dev/null && command -v khal > /dev/null \
    && /usr/bin/python3 -c 'import caldav' 2>/dev/null || {
    echo "zcp test: litmus, vdirsyncer, khal and python3-caldav are needed for the calendar acceptance test: apt-get install litmus vdirsyncer khal python3-caldav" >&2
    exit 1
}
for tool in postfix swaks fetchmail mbsync offlineimap; do
    command -v "$tool" > /dev/null || [ -x "/usr/sbin/$tool" ] || {
        echo "zcp test: $tool is needed for the mail acceptance test: apt-get install postfix swaks fetchmail isync offlineimap3" >&2
        exit 1
    }
done

[ -x /usr/sbin/slapd ] && command -v ldapadd > /dev/null || {
    echo "zcp test: slapd and ldap-utils are needed for the LDAP integration test (the test runs its own slapd): apt-get install slapd ldap-utils" >&2
    exit 1
}
command -v samba > /dev/null && command -v samba-tool > /dev/null && command -v socat > /dev/null || {
    echo "zcp test: samba-ad-dc, ldb-tools and socat are needed for the Active Directory test (a private Samba AD DC): apt-get install samba-ad-dc samba-dsdb-modules samba-vfs-modules ldb-tools socat" >&2
    exit 1
}
command -v ansible-playbook > /dev/null && command -v ansible-lint > /dev/null && command -v mmdebstrap > /dev/null \
    && /usr/bin/python3 -c 'import testinfra' 2>/dev/null || {
    echo "zcp test: ansible, ansible-lint, mmdebstrap and python3-testinfra are needed for the appliance test: apt-get install ansible ansible-lint mmdebstrap python3-testinfra" >&2
    exit 1
}
sh "$ROOT/itests/src/test/config/slapd.sh" check-ldif

mvn -B -ntp install
sh "$ROOT/tests/acceptance/acceptance.sh"
# chapter 10: zarafa-fullbackup of a running server on MariaDB, zarafa-fullrestore into an empty
# one, compared with mbsync, vdirsyncer and zarafa-admin
sh "$ROOT/tests/acceptance/backup.sh"
# the appliance as its shipped configuration runs it: as the zarafa user with only
# CAP_NET_BIND_SERVICE on the manual's ports, private files, TLS options (needs root to switch users)
if [ "$(id -u)" = 0 ]; then
    sh "$ROOT/tests/acceptance/run-as-user.sh"
else
    echo "zcp test: tests/acceptance/run-as-user.sh skipped: it needs root to start the server as another user"
fi
# the Ansible playbook on a Debian root file system over the chroot connection (needs root)
if [ "$(id -u)" = 0 ]; then
    sh "$ROOT/tests/appliance/chroot.sh"
else
    echo "zcp test: tests/appliance/chroot.sh skipped: mmdebstrap and chroot need root"
fi
echo "zcp test: all tests passed"
