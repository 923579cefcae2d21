#!/bin/sh
# boot-test.sh [IMAGE-DIR]: boots the image of build-image.sh in qemu (software emulation, or KVM
# with ZCP_BOOT_ACCEL=kvm) with 5 GB of memory and checks it as a user would: the first boot
# sizes it by the 4 GB row of the hardware table (the image was built for 2 GB), the console says
# where to log on;
# over the forwarded ports: the web client and CalDAV's well-known name through nginx on 443,
# SOAP through nginx and on 236, IMAP's greeting on 143; over ssh (the key the image was built
# with, ZCP_IMAGE_KEY) a user is made with zarafa-admin, a message sent to Postfix on 25 reaches
# that user's Inbox over IMAP, the reload keeps the server running, and a full backup is made.
# Long (minutes), outside ./zcp test. Needs qemu-system-x86 and the image built with
# ZCP_IMAGE_SSH_KEY="$(cat KEY.pub)".
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
IMG=${1:-$ROOT/appliance/target/image}
KEY=${ZCP_IMAGE_KEY:-$ROOT/target/image-key}
WORK=$IMG/boot-test
rm -rf "$WORK" && mkdir -p "$WORK"
fail() { echo "BOOT TEST FAILED: $*" >&2; [ -f "$WORK/console.log" ] && tail -30 "$WORK/console.log" >&2; exit 1; }
pass() { echo "ok: $*"; }
[ -f "$IMG/zcp-appliance.qcow2" ] || fail "no image in $IMG (build-image.sh)"
qemu-img create -q -f qcow2 -F qcow2 -b "$IMG/zcp-appliance.qcow2" "$WORK/disk.qcow2"
# KVM where it works (ZCP_BOOT_ACCEL=kvm); the default is software emulation, which works
# everywhere: on the build machine of 2026-12 /dev/kvm is a nested PVM whose CPU qemu cannot
# model (the kernel prints nothing with -cpu qemu64, and -cpu host/max fail on MSR 0x10a)
ACCEL=${ZCP_BOOT_ACCEL:-tcg}
P=22000
# -cpu max under emulation: with qemu64 the JVM's compiled code died of SIGILL after a while
CPU=max; [ "$ACCEL" = kvm ] && CPU=host
qemu-system-x86_64 -machine accel=$ACCEL -cpu $CPU -m 5120 -smp 2 -display none -no-reboot \
    -drive file="$WORK/disk.qcow2",if=virtio,format=qcow2 \
    -nic user,model=virtio-net-pci,hostfwd=tcp:127.0.0.1:$((P + 22))-:22,hostfwd=tcp:127.0.0.1:$((P + 443))-:443,hostfwd=tcp:127.0.0.1:$((P + 236))-:236,hostfwd=tcp:127.0.0.1:$((P + 143))-:143,hostfwd=tcp:127.0.0.1:$((P + 25))-:25 \
    -serial file:"$WORK/console.log" -pidfile "$WORK/qemu.pid" -daemonize
trap 'kill "$(cat "$WORK/qemu.pid")" 2> /dev/null || true' EXIT
i=0
until grep -q "the ZCP appliance is ready" "$WORK/console.log" 2> /dev/null; do
    grep -q "the playbook failed" "$WORK/console.log" 2> /dev/null && fail "the first boot's playbook failed"
    i=$((i + 1)); [ $i -lt 2400 ] || fail "no 'appliance is ready' on the console in 40 minutes ($ACCEL)"
    sleep 1
done
pass "booted ($ACCEL) and the first boot finished in about $i s"
SSH="ssh -i $KEY -p $((P + 22)) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@127.0.0.1"
$SSH true || fail "no ssh logon with the image's key"
# the server starts after the first boot: wait for SOAP
i=0
until curl -sf "http://127.0.0.1:$((P + 236))/zarafa?wsdl" > /dev/null; do
    i=$((i + 1)); [ $i -lt 1200 ] || fail "SOAP on 236 did not answer: $($SSH 'systemctl status zarafa-server --no-pager; tail -20 /var/log/zarafa/server.log' 2>&1)"
    sleep 1
done
pass "zarafa-server serves SOAP on 236"
row=$($SSH 'sed -n "s/^cache_cell_size = //p" /etc/zarafa/server.cfg; sed -n "s/^innodb_buffer_pool_size = //p" /etc/mysql/mariadb.conf.d/60-zarafa.cnf' | tr '\n' ' ')
[ "$row" = "512M 1G " ] || fail "the first boot sized the 5 GB machine as: $row (the 4 GB row: 512M 1G)"
$SSH 'grep -q "^mysql_password = replaced-at-first-boot" /etc/zarafa/server.cfg' && fail "the image's password was not replaced"
$SSH 'test -s /etc/zarafa/ssl/appliance.key && test ! -e /opt/zarafa-appliance/zcp.tar' || fail "no certificate of its own, or the tar is left"
pass "first boot: sized by the hardware table (the 4 GB row for 5 GB; the image was built for 2 GB), own database password and certificate"
code=$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$((P + 443))/webaccess/")
[ "$code" = 200 ] || fail "the web client through nginx answered $code"
code=$(curl -sk -o /dev/null -w '%{http_code}' "https://127.0.0.1:$((P + 443))/.well-known/caldav")
[ "$code" = 301 ] || fail "CalDAV's well-known name through nginx answered $code"
curl -skf "https://127.0.0.1:$((P + 443))/zarafa?wsdl" | grep -q ZarafaCmd || fail "no WSDL through nginx at /zarafa"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((P + 443))/" || true)
pass "nginx on 443: the web client, CalDAV's well-known name and SOAP"
$SSH 'zarafa-admin -c tina -p tina-secret -e tina@example.com -f "Tina Test" && zarafa-admin -u tina --enable-feature imap' \
    > "$WORK/admin.out" 2>&1 || fail "zarafa-admin over ssh: $(cat "$WORK/admin.out")"
python3 -c 'import socket,sys; s=socket.create_connection(("127.0.0.1",int(sys.argv[1])),10); print(s.recv(200).decode())' \
    $((P + 143)) | grep -q '^\* OK' || fail "no IMAP greeting on 143"
swaks --silent 2 --server "127.0.0.1:$((P + 25))" --from outside@example.net --to tina@example.com \
    --header "Subject: through Postfix" --body "hello" || fail "Postfix on 25 did not take the message"
i=0
until python3 -c 'import imaplib,sys
m=imaplib.IMAP4("127.0.0.1",int(sys.argv[1])); m.starttls(ssl_context=__import__("ssl")._create_unverified_context())
m.login("tina","tina-secret"); m.select("INBOX"); t,d=m.search(None,"SUBJECT","\"through Postfix\""); sys.exit(0 if d[0].split() else 1)' \
        $((P + 143)) 2> /dev/null; do
    i=$((i + 1)); [ $i -lt 60 ] || fail "the message sent to Postfix never reached tina's Inbox: $($SSH 'tail -5 /var/log/mail.log /var/log/zarafa/dagent.log' 2>&1)"
    sleep 1
done
pass "zarafa-admin over ssh; a message to Postfix on 25 reaches the Inbox over LMTP, read over IMAP with STARTTLS"
# the appliance logs at log_level 2 (errors): the same main process still running is the proof
$SSH 'p=$(systemctl show -p MainPID --value zarafa-server) && systemctl reload zarafa-server && sleep 5 \
    && systemctl is-active zarafa-server && [ "$p" = "$(systemctl show -p MainPID --value zarafa-server)" ]' \
    > /dev/null 2>&1 || fail "systemctl reload: $($SSH 'systemctl status zarafa-server --no-pager' 2>&1)"
$SSH 'systemctl start zarafa-backup.service && ls /var/backups/zarafa/zarafa-*/database.sql.gz' > "$WORK/backup.out" 2>&1 \
    || fail "the backup service: $(cat "$WORK/backup.out")"
pass "systemctl reload keeps the server running; the backup service writes a dump"
$SSH 'systemctl --failed --no-legend' > "$WORK/failed.out" 2>&1
[ ! -s "$WORK/failed.out" ] || fail "failed units: $(cat "$WORK/failed.out")"
pass "no failed units"
echo "boot test: passed"
