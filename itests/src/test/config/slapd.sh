#!/bin/sh
# slapd.sh: a private OpenLDAP server (Debian's slapd) for the LDAP tests, with the repository's
# zarafa.schema. It runs as the calling user on a loopback port, keeps everything below DIR and
# never touches /etc/ldap or a system slapd.
#
#   slapd.sh start DIR PORT
#       a fresh DIR (slapd.conf, an mdb database in DIR/db for dc=example,dc=com, rootdn
#       cn=Manager,dc=example,dc=com with password "secret", the indices of the manual's table
#       5.2.2), the suffix entry dc=example,dc=com, slapd on ldap://127.0.0.1:PORT/, its log in
#       DIR/slapd.log; returns once the server answers (fails after 30 s, printing the log)
#       With SLAPD_TLS_PORT set, slapd also serves ldaps://127.0.0.1:SLAPD_TLS_PORT/ with a server
#       certificate for 127.0.0.1 and localhost signed by a CA made for the run (DIR/tls/ca.pem,
#       what a client's ldap_tls_cacert names); resume serves the same addresses again.
#   slapd.sh load DIR PORT FILE.ldif
#       ldapadd as cn=Manager; any error fails the command with ldapadd's message
#   slapd.sh load-appendix-c DIR PORT FILE.ldif
#       the manual's Appendix C as printed: its first entry is the suffix entry, which start has
#       made already (and which slapd refuses as printed, see below); that one failure is
#       reported and skipped, every other entry must be added and is searched for afterwards
#   slapd.sh resume DIR PORT
#       starts the slapd of DIR again with its configuration and data as they are (after stop)
#   slapd.sh stop DIR
#       stops the slapd of DIR (the pid in DIR/slapd.pid) and waits until it is gone
#   slapd.sh check-ldif
#       loads zarafa.ldif with Debian's core, cosine, nis and inetorgperson LDIFs into a scratch
#       cn=config (slapadd -n0) with an mdb database, adds an entry of each Zarafa class to it
#       (slapadd -n1, schema-checked) and runs slaptest on it; before that it compares the
#       definitions of zarafa.ldif with those of zarafa.schema (names and OIDs, then the text)
#
# Appendix C's first entry is dn: dc=example,dc=com with dc: zarafa. slapd 2.5.13 refuses it,
# into an empty database as well as over an existing suffix entry:
#   ldap_add: Naming violation (64)
#   	additional info: value of single-valued naming attribute 'dc' conflicts with value present in entry
# (dc is single-valued; the DN's dc=example would be a second value). Without the root the rest
# of the file fails with No such object (32), so start creates the suffix with dc: example.
# The file's userPassword values are clear text, which slapd accepts for a simple bind
# (ldapwhoami -x -D uid=john,ou=People,dc=example,dc=com -w john answers with john's DN).
#
# SLAPD, SLAPADD, SLAPTEST, LDAP_SCHEMA_DIR and LDAP_MODULE_DIR override the Debian locations,
# ZARAFA_SCHEMA and ZARAFA_LDIF the repository's files;
# SLAPD_DEBUG the slapd log level (default 256, "stats": one line per operation).
set -e

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../../.." && pwd)
ZARAFA_SCHEMA=${ZARAFA_SCHEMA:-$REPO/appliance/src/main/doc/zarafa.schema}
ZARAFA_LDIF=${ZARAFA_LDIF:-$REPO/appliance/src/main/doc/zarafa.ldif}
SLAPD=${SLAPD:-/usr/sbin/slapd}
SLAPADD=${SLAPADD:-/usr/sbin/slapadd}
SLAPTEST=${SLAPTEST:-/usr/sbin/slaptest}
SCHEMA_DIR=${LDAP_SCHEMA_DIR:-/etc/ldap/schema}
MODULE_DIR=${LDAP_MODULE_DIR:-/usr/lib/ldap}
SUFFIX=dc=example,dc=com
ROOTDN=cn=Manager,$SUFFIX
ROOTPW=secret
# the ldap tools read neither ldap.conf nor ~/.ldaprc: nothing of the host's setup leaks in
LDAPNOINIT=1
export LDAPNOINIT

die() {
    echo "slapd.sh: $*" >&2
    exit 1
}

usage() {
    cat >&2 <<'USAGE'
usage: slapd.sh start DIR PORT
       slapd.sh load DIR PORT FILE.ldif
       slapd.sh load-appendix-c DIR PORT FILE.ldif
       slapd.sh resume DIR PORT
       slapd.sh stop DIR
       slapd.sh check-ldif
USAGE
    exit 2
}

# an absolute path for DIR (slapd.conf names files by it)
absdir() {
    mkdir -p "$1"
    (cd "$1" && pwd)
}

# a short pause (fractions of a second where sleep takes them, as GNU and busybox sleep do)
nap() {
    sleep 0.2 2>/dev/null || sleep 1
}

# seconds since the epoch
now() {
    date +%s
}

# true while the slapd of DIR runs
running() {
    [ -s "$1/slapd.pid" ] && kill -0 "$(cat "$1/slapd.pid")" 2>/dev/null
}

# the DNs of an LDIF file, one a line (continuation lines unfolded)
dns_of() {
    awk '
        /^ / { if (cur != "") cur = cur substr($0, 2); next }
        { if (cur ~ /^dn: /) print substr(cur, 5); cur = $0 }
        END { if (cur ~ /^dn: /) print substr(cur, 5) }
    ' "$1"
}

# the definitions of a slapd.conf schema file, one a line: "A|O <definition>"
schema_defs() {
    awk '
        function flush() { if (d != "") print d; d = "" }
        /^[ \t]*#/ { next }
        tolower($1) == "attributetype" { flush(); d = "A " substr($0, index($0, $1) + length($1)); next }
        tolower($1) == "objectclass" { flush(); d = "O " substr($0, index($0, $1) + length($1)); next }
        /^[ \t]/ && NF > 0 && d != "" { d = d " " $0; next }
        { flush() }
        END { flush() }
    ' "$1" | normalize
}

# the definitions of a cn=config schema LDIF, one a line: "A|O <definition>"
ldif_defs() {
    awk '
        function flush() {
            if (cur ~ /^olcAttributeTypes: /) {
                print "A " substr(cur, 20)
            } else if (cur ~ /^olcObjectClasses: /) {
                print "O " substr(cur, 19)
            }
            cur = ""
        }
        /^#/ { next }
        /^ / { cur = cur substr($0, 2); next }
        { flush(); cur = $0 }
        END { flush() }
    ' "$1" | normalize
}

# one space between words and inside each parenthesis, no {n} ordering prefix
normalize() {
    sed -e 's/[[:space:]][[:space:]]*/ /g' -e 's/^\([AO]\) *{[0-9]*}/\1 /' -e 's/( */( /g' \
        -e 's/ *)/ )/g' -e 's/ $//'
}

# "A|O OID NAME" of each definition
names_of() {
    sed -n "s/^\([AO]\) ( \([0-9.][0-9.]*\) NAME '\([^']*\)'.*/\1 \2 \3/p; t; s/^/unparsed: /p"
}

# a CA and a server certificate for 127.0.0.1/localhost under DIR/tls, and slapd.conf's TLS lines
make_tls() {
    dir=$1
    command -v openssl > /dev/null || die "openssl not found (apt-get install openssl)"
    mkdir -p "$dir/tls"
    (
        cd "$dir/tls"
        openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=slapd.sh test CA" \
            -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
            -keyout ca.key -out ca.pem
        openssl req -newkey rsa:2048 -nodes -subj "/CN=127.0.0.1" -keyout server.key -out server.csr
        printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' > server.ext
        openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 2 \
            -extfile server.ext -out server.pem
    ) > "$dir/tls/openssl.log" 2>&1 || { cat "$dir/tls/openssl.log" >&2; die "cannot make the test certificates"; }
    chmod 600 "$dir/tls/server.key" "$dir/tls/ca.key"
    cat >> "$dir/slapd.conf" <<CONF

# made by slapd.sh start with SLAPD_TLS_PORT: ldaps with a certificate of the run's own CA
TLSCACertificateFile $dir/tls/ca.pem
TLSCertificateFile $dir/tls/server.pem
TLSCertificateKeyFile $dir/tls/server.key
CONF
}

launch() {
    dir=$1
    port=$2
    urls="ldap://127.0.0.1:$port/"
    [ -s "$dir/tls.port" ] && urls="$urls ldaps://127.0.0.1:$(cat "$dir/tls.port")/"
    # -d keeps slapd in the foreground (its log on stderr); it runs on in the background
    "$SLAPD" -f "$dir/slapd.conf" -h "$urls" -d "${SLAPD_DEBUG:-256}" \
        > "$dir/slapd.log" 2>&1 < /dev/null &
    pid=$!
    echo "$pid" > "$dir/slapd.pid"
    deadline=$(($(now) + 30))
    while :; do
        if ! kill -0 "$pid" 2>/dev/null; then
            cat "$dir/slapd.log" >&2
            die "slapd exited during start (log above, $dir/slapd.log)"
        fi
        if ldapsearch -x -LLL -H "ldap://127.0.0.1:$port" -b '' -s base '(objectClass=*)' 1.1 \
            > /dev/null 2>&1; then
            break
        fi
        if [ "$(now)" -ge "$deadline" ]; then
            cat "$dir/slapd.log" >&2
            kill "$pid" 2>/dev/null || true
            die "slapd did not answer on port $port within 30 s (log above, $dir/slapd.log)"
        fi
        nap
    done
}

cmd_start() {
    [ $# -eq 2 ] || usage
    port=$2
    case $port in '' | *[!0-9]*) die "PORT must be a number: '$port'" ;; esac
    [ -x "$SLAPD" ] || die "$SLAPD not found (apt-get install slapd ldap-utils)"
    [ -r "$ZARAFA_SCHEMA" ] || die "$ZARAFA_SCHEMA not found"
    dir=$(absdir "$1")
    if running "$dir"; then
        die "a slapd already runs for $dir (pid $(cat "$dir/slapd.pid")); stop it first"
    fi
    rm -rf "$dir/db" "$dir/tls" "$dir/tls.port" "$dir/slapd.conf" "$dir/slapd.log" "$dir/slapd.pid" "$dir/slapd.args"
    mkdir -p "$dir/db"
    cat > "$dir/slapd.conf" <<CONF
# made by slapd.sh start: a private test server
include $SCHEMA_DIR/core.schema
include $SCHEMA_DIR/cosine.schema
include $SCHEMA_DIR/nis.schema
include $SCHEMA_DIR/inetorgperson.schema
include $ZARAFA_SCHEMA

modulepath $MODULE_DIR
moduleload back_mdb

pidfile $dir/slapd.pid
argsfile $dir/slapd.args

# passwords: a user may bind with his own and change it, nobody else reads it (the rootdn is
# not subject to these rules); everything else is readable by all, as a fresh Debian slapd has it
access to attrs=userPassword
	by self write
	by anonymous auth
	by * none
access to *
	by * read

database mdb
maxsize 1073741824
suffix "$SUFFIX"
rootdn "$ROOTDN"
rootpw $ROOTPW
directory $dir/db
# the manual's table 5.2.2
index objectClass pres,eq
index cn pres,eq,sub
index sn pres,eq,sub
index mail pres,eq,sub
index ou pres,eq
index uid pres,eq
index uidNumber pres,eq
index gidNumber pres,eq
index memberUid pres,eq
index zarafaAliases pres,eq,sub
index zarafaAccount pres,eq
index zarafaSendAsPrivilege pres,eq
index zarafaViewPrivilege pres,eq
CONF
    if [ -n "${SLAPD_TLS_PORT:-}" ]; then
        case $SLAPD_TLS_PORT in *[!0-9]*) die "SLAPD_TLS_PORT must be a number: '$SLAPD_TLS_PORT'" ;; esac
        make_tls "$dir"
        echo "$SLAPD_TLS_PORT" > "$dir/tls.port"
    fi
    launch "$dir" "$port"
    # the suffix entry, as Appendix C would have it but with the dc its DN names
    if ! out=$(ldapadd -x -H "ldap://127.0.0.1:$port" -D "$ROOTDN" -w "$ROOTPW" 2>&1 <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
dc: example
o: example.com
description: My LDAP Root
LDIF
    ); then
        echo "$out" >&2
        die "cannot create the suffix entry $SUFFIX"
    fi
    echo "slapd.sh: slapd (pid $pid) serves $SUFFIX on $urls ($dir)"
}

cmd_load() {
    [ $# -eq 3 ] || usage
    dir=$(absdir "$1")
    port=$2
    file=$3
    [ -r "$file" ] || die "cannot read $file"
    running "$dir" || die "no slapd runs for $dir"
    if ! out=$(ldapadd -x -H "ldap://127.0.0.1:$port" -D "$ROOTDN" -w "$ROOTPW" -f "$file" 2>&1); then
        echo "$out" >&2
        die "loading $file failed (ldapadd stopped at the entry above)"
    fi
    echo "slapd.sh: loaded $(dns_of "$file" | wc -l) entries of $file"
}

cmd_load_appendix_c() {
    [ $# -eq 3 ] || usage
    dir=$(absdir "$1")
    port=$2
    file=$3
    [ -r "$file" ] || die "cannot read $file"
    running "$dir" || die "no slapd runs for $dir"
    grep -q '^dn::' "$file" && die "$file: base64 DNs are not supported"
    root=$(dns_of "$file" | head -n 1)
    rejects=$dir/appendix-c.rejects.ldif
    rm -f "$rejects"
    # -c: go on after an error; -S: the refused records, each with slapd's message as a comment
    status=0
    out=$(ldapadd -c -x -H "ldap://127.0.0.1:$port" -D "$ROOTDN" -w "$ROOTPW" -S "$rejects" -f "$file" 2>&1) \
        || status=$?
    refused=$( [ -s "$rejects" ] && dns_of "$rejects" || true)
    others=$(printf '%s\n' "$refused" | grep -v -x -F -e "$root" -e '' || true)
    if [ -n "$others" ]; then
        grep -e '^# ' -e '^dn:' "$rejects" >&2
        die "entries of $file other than the root $root were refused (above; the records are in $rejects)"
    fi
    if [ -n "$refused" ]; then
        echo "slapd.sh: skipped $root, which start made with dc: example; slapd refused the file's version:"
        grep '^# ' "$rejects" | sed 's/^/    /'
    elif [ $status -ne 0 ]; then
        echo "$out" >&2
        die "ldapadd failed (status $status) without refusing an entry"
    fi
    missing=
    n=0
    tmp=$dir/appendix-c.dns
    dns_of "$file" > "$tmp"
    while IFS= read -r dn; do
        n=$((n + 1))
        if ! ldapsearch -x -LLL -H "ldap://127.0.0.1:$port" -D "$ROOTDN" -w "$ROOTPW" -b "$dn" -s base \
            '(objectClass=*)' 1.1 > /dev/null 2>&1; then
            missing="$missing
$dn"
        fi
    done < "$tmp"
    rm -f "$tmp"
    [ -z "$missing" ] || die "entries of $file missing after the load:$missing"
    echo "slapd.sh: all $n entries of $file are present"
}

cmd_resume() {
    [ $# -eq 2 ] || usage
    port=$2
    case $port in '' | *[!0-9]*) die "PORT must be a number: '$port'" ;; esac
    dir=$(absdir "$1")
    [ -r "$dir/slapd.conf" ] || die "no slapd.conf in $dir: use start"
    if running "$dir"; then
        die "a slapd already runs for $dir (pid $(cat "$dir/slapd.pid"))"
    fi
    launch "$dir" "$port"
    echo "slapd.sh: slapd (pid $pid) serves $dir again on $urls"
}

cmd_stop() {
    [ $# -eq 1 ] || usage
    [ -d "$1" ] || die "no directory $1"
    dir=$(cd "$1" && pwd)
    if [ ! -s "$dir/slapd.pid" ]; then
        echo "slapd.sh: no slapd.pid in $dir, nothing to stop"
        return 0
    fi
    pid=$(cat "$dir/slapd.pid")
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "slapd.sh: slapd (pid $pid) of $dir is not running"
        rm -f "$dir/slapd.pid"
        return 0
    fi
    kill "$pid"
    deadline=$(($(now) + 30))
    while kill -0 "$pid" 2>/dev/null; do
        if [ "$(now)" -ge "$deadline" ]; then
            kill -9 "$pid" 2>/dev/null || true
            sleep 1
            kill -0 "$pid" 2>/dev/null && die "slapd (pid $pid) survives SIGKILL"
            rm -f "$dir/slapd.pid"
            die "slapd (pid $pid) did not stop within 30 s of SIGTERM; killed"
        fi
        nap
    done
    rm -f "$dir/slapd.pid"
    echo "slapd.sh: slapd (pid $pid) stopped"
}

cmd_check_ldif() {
    [ $# -eq 0 ] || usage
    [ -r "$ZARAFA_LDIF" ] || die "$ZARAFA_LDIF not found"
    [ -r "$ZARAFA_SCHEMA" ] || die "$ZARAFA_SCHEMA not found"
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/zarafa-ldif.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    # 1. the two files name the same attributes and classes under the same OIDs, and say the same
    schema_defs "$ZARAFA_SCHEMA" > "$tmp/schema.defs"
    if grep -q '^olc[A-Za-z]*:: ' "$ZARAFA_LDIF"; then
        die "$ZARAFA_LDIF: base64 (::) values cannot be compared; write them as text"
    fi
    ldif_defs "$ZARAFA_LDIF" > "$tmp/ldif.defs"
    names_of < "$tmp/schema.defs" | sort > "$tmp/schema.names"
    names_of < "$tmp/ldif.defs" | sort > "$tmp/ldif.names"
    [ -s "$tmp/schema.names" ] || die "no definitions found in $ZARAFA_SCHEMA"
    if ! diff -u "$tmp/schema.names" "$tmp/ldif.names" > "$tmp/names.diff"; then
        sed "s|$tmp/||" "$tmp/names.diff" >&2
        die "zarafa.schema and zarafa.ldif name different attributes, classes or OIDs (- schema, + ldif)"
    fi
    if ! diff -u "$tmp/schema.defs" "$tmp/ldif.defs" > "$tmp/defs.diff"; then
        sed "s|$tmp/||" "$tmp/defs.diff" >&2
        die "zarafa.schema and zarafa.ldif define things differently (- schema, + ldif)"
    fi
    echo "slapd.sh: zarafa.schema and zarafa.ldif agree ($(grep -c '^A' "$tmp/schema.names") attribute types, $(grep -c '^O' "$tmp/schema.names") object classes)"
    # 2. a cn=config with Debian's schema LDIFs and zarafa.ldif, checked by slapd itself
    mkdir -p "$tmp/slapd.d" "$tmp/db"
    cat > "$tmp/config.ldif" <<LDIF
dn: cn=config
objectClass: olcGlobal
cn: config
olcPidFile: $tmp/slapd.pid

dn: cn=module{0},cn=config
objectClass: olcModuleList
cn: module{0}
olcModulePath: $MODULE_DIR
olcModuleLoad: back_mdb

dn: cn=schema,cn=config
objectClass: olcSchemaConfig
cn: schema

include: file://$SCHEMA_DIR/core.ldif

include: file://$SCHEMA_DIR/cosine.ldif

include: file://$SCHEMA_DIR/nis.ldif

include: file://$SCHEMA_DIR/inetorgperson.ldif

include: file://$ZARAFA_LDIF

dn: olcDatabase={-1}frontend,cn=config
objectClass: olcDatabaseConfig
objectClass: olcFrontendConfig
olcDatabase: {-1}frontend

dn: olcDatabase={0}config,cn=config
objectClass: olcDatabaseConfig
olcDatabase: {0}config

dn: olcDatabase={1}mdb,cn=config
objectClass: olcDatabaseConfig
objectClass: olcMdbConfig
olcDatabase: {1}mdb
olcSuffix: $SUFFIX
olcRootDN: $ROOTDN
olcDbDirectory: $tmp/db
olcDbIndex: objectClass,ou,uid,uidNumber,gidNumber,memberUid pres,eq
olcDbIndex: cn,sn,mail,zarafaAliases pres,eq,sub
olcDbIndex: zarafaAccount,zarafaSendAsPrivilege,zarafaViewPrivilege pres,eq
LDIF
    if ! out=$("$SLAPADD" -n 0 -F "$tmp/slapd.d" -l "$tmp/config.ldif" 2>&1); then
        echo "$out" >&2
        die "slapadd -n0 refused the cn=config with zarafa.ldif"
    fi
    # an entry of each Zarafa class into the database (slapadd checks them against the schema as
    # cn=config now holds it), so that slaptest finds a database to open
    cat > "$tmp/entries.ldif" <<LDIF
dn: $SUFFIX
objectClass: dcObject
objectClass: organization
dc: example
o: example.com

dn: uid=user,$SUFFIX
objectClass: inetOrgPerson
objectClass: posixAccount
objectClass: zarafa-user
cn: A User
sn: User
uid: user
uidNumber: 1000
gidNumber: 1000
homeDirectory: /home/user
mail: user@example.com
zarafaAccount: 1
zarafaAdmin: 1
zarafaQuotaOverride: 1
zarafaQuotaHard: 1200
zarafaAliases: u@example.com
zarafaAliases: a.user@example.com
zarafaSendAsPrivilege: uid=other,$SUFFIX
zarafaEnabledFeatures: imap
zarafaDisabledFeatures: pop3
zarafaResourceType: Room
zarafaResourceCapacity: 4

dn: cn=contact,$SUFFIX
objectClass: inetOrgPerson
objectClass: zarafa-contact
cn: contact
sn: Contact
uidNumber: 2000
mail: contact@example.org

dn: cn=group,$SUFFIX
objectClass: posixGroup
objectClass: zarafa-group
cn: group
gidNumber: 1000
memberUid: user
zarafaSecurityGroup: 1
mail: group@example.com

dn: ou=company,$SUFFIX
objectClass: organizationalUnit
objectClass: zarafa-company
ou: company
cn: company
zarafaViewPrivilege: ou=other,$SUFFIX
zarafaUserDefaultQuotaHard: 100
zarafaQuotaCompanyWarningRecipients: uid=user,$SUFFIX
zarafaCompanyServer: node1

dn: cn=node1,$SUFFIX
objectClass: device
objectClass: zarafa-server
cn: node1
zarafaHttpPort: 236
zarafaSslPort: 237
zarafaFilePath: /var/run/zarafa
zarafaContainsPublic: 1

dn: cn=list,$SUFFIX
objectClass: zarafa-addresslist
cn: list
zarafaFilter: (mail=*@example.com)
zarafaBase: $SUFFIX

dn: cn=admins,$SUFFIX
objectClass: zarafa-dynamicgroup
cn: admins
zarafaFilter: (zarafaAdmin=1)
mail: admins@example.com
LDIF
    if ! out=$("$SLAPADD" -n 1 -F "$tmp/slapd.d" -l "$tmp/entries.ldif" 2>&1); then
        echo "$out" >&2
        die "slapadd refused an entry of a Zarafa class under the cn=config schema"
    fi
    if ! out=$("$SLAPTEST" -F "$tmp/slapd.d" 2>&1); then
        echo "$out" >&2
        die "slaptest refused the cn=config with zarafa.ldif"
    fi
    # every definition arrived in cn=config
    loaded=$(find "$tmp/slapd.d/cn=config/cn=schema" -name 'cn={*}zarafa.ldif' | head -n 1)
    [ -n "$loaded" ] || die "no cn=zarafa schema entry in the scratch cn=config"
    ldif_defs "$loaded" | names_of | sort > "$tmp/loaded.names"
    if ! diff -u "$tmp/ldif.names" "$tmp/loaded.names" > "$tmp/loaded.diff"; then
        sed "s|$tmp/||" "$tmp/loaded.diff" >&2
        die "cn=config holds other zarafa definitions than zarafa.ldif"
    fi
    echo "slapd.sh: slaptest accepts zarafa.ldif in cn=config (after core, cosine, nis, inetorgperson), and an entry of each class"
}

[ $# -ge 1 ] || usage
command=$1
shift
case $command in
    start) cmd_start "$@" ;;
    resume) cmd_resume "$@" ;;
    load) cmd_load "$@" ;;
    load-appendix-c) cmd_load_appendix_c "$@" ;;
    stop) cmd_stop "$@" ;;
    check-ldif) cmd_check_ldif "$@" ;;
    *) usage ;;
esac
