#!/bin/sh
# samba-ad.sh: a private Active Directory domain controller (Debian's samba-ad-dc, Samba 4.17) for
# the LDAP plugin's tests against AD. Everything lives below DIR: its own smb.conf, databases,
# pid file, logs and sockets; /etc/samba, /var/lib/samba, /run/samba and the system's samba
# services are never used. Runs as root (Samba stores NT ACLs in security.* xattrs).
#
#   samba-ad.sh start DIR [PORT]
#       provisions the domain EXAMPLE.LOCAL (dc=example,dc=local, NetBIOS EXAMPLE, host dc1,
#       rfc2307, no DNS) into DIR unless DIR/private/sam.ldb exists, then starts samba with
#       only its LDAP service, one process (-M single), and returns once LDAP answers (fails
#       after 120 s, printing the log). Administrator's password is "Passw0rd!x".
#       Without PORT, or with 389: samba itself listens on 127.0.0.1:389, and 127.0.0.1:3268
#       (global catalog); the LDAP port of Samba's AD DC is fixed in its source (there is no
#       "ldap port" in smb.conf), so this needs 389 free.
#       With another PORT: samba runs in a network namespace of its own (unshare -n, its own
#       loopback), so it takes no port of the host, and socat relays 127.0.0.1:PORT to its
#       ldapi socket DIR/private/ldapi (needs iproute2 and socat).
#       The server's pid is in DIR/samba.pid, socat's in DIR/socat.pid, the URL in DIR/url,
#       samba's log in DIR/log/log.samba.
#   samba-ad.sh populate DIR
#       the tests' objects, created unless present (works with samba running or not: it writes
#       DIR/private/sam.ldb directly):
#         jdoe   user John Doe, password "Passw0rd!j", mail john@example.local,
#                otherMailbox j.doe@example.local and jd@example.local
#         jroe   user Jane Roe, password "Passw0rd!r", mail jane@example.local
#         Staff     global security group (groupType -2147483646), mail staff@example.local:
#                   jdoe, jroe and the group Managers (nested)
#         Managers  global security group: jdoe
#         Sales     global distribution group (groupType 2), mail sales@example.local:
#                   jroe and the contact Ext Contact
#         Ext Contact  contact (CN=Ext Contact,CN=Users), mail ext@example.org
#       all in CN=Users,DC=example,DC=local (users as CN=John Doe / CN=Jane Roe).
#   samba-ad.sh stop DIR
#       stops samba (and socat) of DIR and waits until they are gone.
#   samba-ad.sh url DIR
#       prints the LDAP URL of the running server (ldap://127.0.0.1 or ldap://127.0.0.1:PORT).
#
# smb.conf settings that matter (start writes them before provisioning; samba-tool's provision
# keeps an existing smb.conf as it is, but wants the [sysvol] and [netlogon] shares in it):
#   server services = ldap                     only the LDAP server: no kdc, dns, smb, rpc, nbt...
#   interfaces = 127.0.0.1, bind interfaces only = yes
#   ldap server require strong auth = no       else a simple bind without TLS is refused:
#       "BindSimple: Transport encryption required." (Strong(er) authentication required (8))
#   tls enabled = no                           no 636/3269 (and no self-signed key generation)
#   pid/lock/state/cache/private directories, ncalrpc/winbindd/ntp_signd sockets, log file: DIR
# The domain's password policy is relaxed in its ages only (min and max 0 days: passwords never
# expire and tests may change them at once); complexity and history stay as AD has them.
#
# SAMBA, SAMBA_TOOL, LDBMODIFY, LDBSEARCH and SOCAT override the commands; SAMBA_DEBUG samba's
# debug level (default 1).
set -e

SAMBA=${SAMBA:-samba}
SAMBA_TOOL=${SAMBA_TOOL:-samba-tool}
LDBMODIFY=${LDBMODIFY:-ldbmodify}
LDBSEARCH=${LDBSEARCH:-ldbsearch}
SOCAT=${SOCAT:-socat}
REALM=EXAMPLE.LOCAL
DOMAIN=EXAMPLE
BASE=DC=example,DC=local
USERS=CN=Users,$BASE
ADMINPASS='Passw0rd!x'
# the ldap tools read neither ldap.conf nor ~/.ldaprc: nothing of the host's setup leaks in
LDAPNOINIT=1
export LDAPNOINIT

die() {
    echo "samba-ad.sh: $*" >&2
    exit 1
}

usage() {
    cat >&2 <<'USAGE'
usage: samba-ad.sh start DIR [PORT]
       samba-ad.sh populate DIR
       samba-ad.sh stop DIR
       samba-ad.sh url DIR
USAGE
    exit 2
}

absdir() {
    mkdir -p "$1"
    (cd "$1" && pwd)
}

nap() {
    sleep 0.2 2>/dev/null || sleep 1
}

now() {
    date +%s
}

# true while process $1 runs (a zombie, exited but not yet reaped, does not)
running() {
    kill -0 "$1" 2>/dev/null || return 1
    state=$(sed 's/^.*) \([A-Za-z]\).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
    [ "$state" != Z ]
}

# true while the process of pid file $1 runs and is a $2
alive() {
    [ -s "$1" ] || return 1
    p=$(cat "$1")
    running "$p" || return 1
    # a stale pid file (samba leaves its own behind) may name an unrelated process by now
    tr '\0' ' ' < "/proc/$p/cmdline" 2>/dev/null | grep -q "$2"
}

# samba-tool, ldbsearch and ldbmodify on the local database: no network, no credentials
tool() {
    "$SAMBA_TOOL" "$@" -H "$dir/private/sam.ldb" -s "$dir/etc/smb.conf"
}

provision() {
    rm -rf "$dir/etc" "$dir/private" "$dir/state" "$dir/lock" "$dir/cache" "$dir/bind-dns" \
        "$dir/run" "$dir/log"
    mkdir -p "$dir/etc" "$dir/run" "$dir/log"
    cat > "$dir/etc/smb.conf" <<CONF
# made by samba-ad.sh start: a private AD DC, LDAP only, on loopback
[global]
	netbios name = DC1
	workgroup = $DOMAIN
	realm = $REALM
	server role = active directory domain controller
	server services = ldap
	interfaces = 127.0.0.1
	bind interfaces only = yes
	ldap server require strong auth = no
	tls enabled = no
	idmap_ldb:use rfc2307 = yes
	private dir = $dir/private
	lock directory = $dir/lock
	state directory = $dir/state
	cache directory = $dir/cache
	binddns dir = $dir/bind-dns
	pid directory = $dir
	ncalrpc dir = $dir/run/ncalrpc
	winbindd socket directory = $dir/run/winbindd
	ntp signd socket directory = $dir/run/ntp_signd
	log file = $dir/log/log.samba
	logging = file
	max log size = 10000

[sysvol]
	path = $dir/state/sysvol
	read only = no

[netlogon]
	path = $dir/state/sysvol/example.local/scripts
	read only = no
CONF
    t0=$(now)
    if ! "$SAMBA_TOOL" domain provision -s "$dir/etc/smb.conf" --targetdir="$dir" \
        --realm=$REALM --domain=$DOMAIN --host-name=dc1 --server-role=dc --dns-backend=NONE \
        --use-rfc2307 --adminpass="$ADMINPASS" > "$dir/log/provision.log" 2>&1; then
        tail -n 30 "$dir/log/provision.log" >&2
        die "provisioning failed (log above, $dir/log/provision.log)"
    fi
    tool domain passwordsettings set --min-pwd-age=0 --max-pwd-age=0 > /dev/null
    echo "samba-ad.sh: provisioned $REALM in $dir ($(($(now) - t0)) s)"
}

cmd_start() {
    [ $# -eq 1 ] || [ $# -eq 2 ] || usage
    port=${2:-389}
    case $port in '' | *[!0-9]*) die "PORT must be a number: '$port'" ;; esac
    command -v "$SAMBA" > /dev/null || die "$SAMBA not found (apt-get install samba-ad-dc samba-dsdb-modules samba-vfs-modules ldb-tools)"
    dir=$(absdir "$1")
    case $dir in *' '*) die "DIR must not contain spaces: $dir" ;; esac
    if alive "$dir/samba.pid" samba; then
        die "a samba already runs for $dir (pid $(cat "$dir/samba.pid")); stop it first"
    fi
    # the Kerberos library reads this instead of /etc/krb5.conf
    KRB5_CONFIG=$dir/private/krb5.conf
    export KRB5_CONFIG
    command -v ss > /dev/null || die "ss not found (apt-get install iproute2)"
    if [ "$port" = 389 ]; then
        url=ldap://127.0.0.1
        ports="389 3268"
    else
        url=ldap://127.0.0.1:$port
        ports=$port
        command -v "$SOCAT" > /dev/null || die "$SOCAT not found (apt-get install socat)"
    fi
    # another server on the port would answer for this one (the same domain, if it is another
    # samba-ad.sh's): the ports must be free now, and the LDAP one held by this samba or socat
    # once it answers
    for p in $ports; do
        if ss -ltnH "sport = :$p" | grep -q .; then
            die "port $p is taken already: $(ss -ltnpH "sport = :$p" | head -n 1)"
        fi
    done
    [ -f "$dir/private/sam.ldb" ] || provision
    rm -f "$dir/samba.pid" "$dir/socat.pid" "$dir/url" "$dir/private/ldapi"
    t0=$(now)
    # -F: no fork, samba writes DIR/samba.pid itself; -l: not even a first log line in /var/log
    if [ "$port" = 389 ]; then
        "$SAMBA" -F -M single -d "${SAMBA_DEBUG:-1}" -l "$dir/log" -s "$dir/etc/smb.conf" \
            > "$dir/log/samba.out" 2>&1 < /dev/null &
    else
        unshare -n sh -c 'ip link set lo up && exec "$@"' samba-ad "$SAMBA" -F -M single \
            -d "${SAMBA_DEBUG:-1}" -l "$dir/log" -s "$dir/etc/smb.conf" \
            > "$dir/log/samba.out" 2>&1 < /dev/null &
    fi
    pid=$!
    spid=
    deadline=$((t0 + 120))
    while :; do
        if ! running "$pid"; then
            cat "$dir/log/samba.out" >&2
            tail -n 30 "$dir/log/log.samba" >&2 2>/dev/null || true
            die "samba exited during start (log above, $dir/log/log.samba)"
        fi
        if [ "$port" != 389 ] && [ -z "$spid" ] && [ -S "$dir/private/ldapi" ]; then
            "$SOCAT" "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" \
                "UNIX-CONNECT:$dir/private/ldapi" > "$dir/log/socat.out" 2>&1 < /dev/null &
            spid=$!
            echo "$spid" > "$dir/socat.pid"
        fi
        if [ "$port" = 389 ] || [ -n "$spid" ]; then
            # the rootDSE of this domain, not of some other server on the port
            if ldapsearch -x -LLL -o ldif-wrap=no -H "$url" -b '' -s base defaultNamingContext \
                2>/dev/null | grep -qi "^defaultNamingContext: $BASE\$"; then
                holder=${spid:-$pid}
                if ss -ltnpH "sport = :$port" | grep -q "pid=$holder,"; then
                    break
                fi
                kill "$pid" ${spid:+"$spid"} 2>/dev/null || true
                die "another server answers on $url: $(ss -ltnpH "sport = :$port" | head -n 1)"
            fi
            if [ -n "$spid" ] && ! running "$spid"; then
                cat "$dir/log/socat.out" >&2
                kill "$pid" 2>/dev/null || true
                die "socat could not listen on 127.0.0.1:$port (above)"
            fi
        fi
        if [ "$(now)" -ge "$deadline" ]; then
            tail -n 30 "$dir/log/log.samba" >&2 2>/dev/null || true
            kill "$pid" ${spid:+"$spid"} 2>/dev/null || true
            die "samba did not answer on $url within 120 s (log above, $dir/log/log.samba)"
        fi
        nap
    done
    [ -s "$dir/samba.pid" ] || echo "$pid" > "$dir/samba.pid"
    echo "$url" > "$dir/url"
    echo "samba-ad.sh: samba (pid $(cat "$dir/samba.pid")) serves $BASE on $url ($dir, up in $(($(now) - t0)) s)"
}

# true if the entry $1 has the value $3 in attribute $2 (exact DN or string match)
has_value() {
    "$LDBSEARCH" -H "$dir/private/sam.ldb" -b "$1" -s base "($2=$3)" dn 2>/dev/null | grep -q '^dn: '
}

user() {
    name=$1
    shift
    tool user show "$name" > /dev/null 2>&1 || tool user create "$name" "$@"
}

group() {
    name=$1
    shift
    tool group show "$name" > /dev/null 2>&1 || tool group add "$name" "$@"
}

contact() {
    name=$1
    shift
    tool contact show "$name" > /dev/null 2>&1 || tool contact create "$name" "$@"
}

# member GROUP MEMBER-DN
member() {
    has_value "CN=$1,$USERS" member "$2" || tool group addmembers "$1" --member-dn="$2"
}

cmd_populate() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no directory $1"
    dir=$(cd "$1" && pwd)
    [ -f "$dir/private/sam.ldb" ] || die "no domain in $dir: use start"
    KRB5_CONFIG=$dir/private/krb5.conf
    export KRB5_CONFIG
    user jdoe 'Passw0rd!j' --given-name=John --surname=Doe --mail-address=john@example.local
    user jroe 'Passw0rd!r' --given-name=Jane --surname=Roe --mail-address=jane@example.local
    contact 'Ext Contact' --given-name=Ext --surname=Contact --mail-address=ext@example.org \
        --ou=CN=Users
    group Staff --group-type=Security --group-scope=Global --mail-address=staff@example.local
    group Managers --group-type=Security --group-scope=Global
    group Sales --group-type=Distribution --group-scope=Global --mail-address=sales@example.local
    member Staff "CN=John Doe,$USERS"
    member Staff "CN=Jane Roe,$USERS"
    member Staff "CN=Managers,$USERS"
    member Managers "CN=John Doe,$USERS"
    member Sales "CN=Jane Roe,$USERS"
    member Sales "CN=Ext Contact,$USERS"
    # replace: the same two values however often this runs
    "$LDBMODIFY" -H "$dir/private/sam.ldb" > /dev/null <<LDIF
dn: CN=John Doe,$USERS
changetype: modify
replace: otherMailbox
otherMailbox: j.doe@example.local
otherMailbox: jd@example.local
LDIF
    echo "samba-ad.sh: jdoe, jroe, Ext Contact, Staff, Managers and Sales are in $USERS"
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no directory $1"
    dir=$(cd "$1" && pwd)
    if alive "$dir/socat.pid" socat; then
        kill "$(cat "$dir/socat.pid")" 2>/dev/null || true
    fi
    rm -f "$dir/socat.pid" "$dir/url"
    if ! alive "$dir/samba.pid" samba; then
        echo "samba-ad.sh: no samba runs for $dir"
        rm -f "$dir/samba.pid"
        return 0
    fi
    pid=$(cat "$dir/samba.pid")
    kill "$pid"
    deadline=$(($(now) + 30))
    while running "$pid"; do
        if [ "$(now)" -ge "$deadline" ]; then
            kill -9 "$pid" 2>/dev/null || true
            sleep 1
            rm -f "$dir/samba.pid"
            die "samba (pid $pid) did not stop within 30 s of SIGTERM; killed"
        fi
        nap
    done
    rm -f "$dir/samba.pid"
    echo "samba-ad.sh: samba (pid $pid) stopped"
}

cmd_url() {
    [ $# -eq 1 ] || usage
    [ -s "$1/url" ] || die "no samba started for $1"
    cat "$1/url"
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
    start) cmd_start "$@" ;;
    populate) cmd_populate "$@" ;;
    stop) cmd_stop "$@" ;;
    url) cmd_url "$@" ;;
    *) usage ;;
esac
