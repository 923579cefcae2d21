#!/bin/sh
# Backup and restore (manual chapter 10.2, issue 14): a server on MariaDB with users, a group,
# mail (with attachments kept as files) and calendar items and a contact is backed up with
# zarafa-fullbackup while it runs; then an empty server (a new database and attachment directory)
# gets it with zarafa-fullrestore and must hold the same: mail compared with mbsync (every
# folder, byte for byte), calendars and contacts with vdirsyncer, users and groups with
# zarafa-admin. Refusals: a restore into a running server, into a database with tables, into a
# non-empty attachment directory; the embedded database while its server runs. Also the nightly
# run's --keep. Ports 21003/21004 (LMTP), 21143 (IMAP), 21080 (CalDAV), 21236 (SOAP).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH_LIB=$ROOT/benchmarks/lib
. "$BENCH_LIB/zcp-instance.sh"
DIR=$ROOT/target/backup-test
rm -rf "$DIR"
mkdir -p "$DIR"
fail() { echo "BACKUP FAILED: $*" >&2; exit 1; }
pass() { echo "ok: $*"; }
for tool in mbsync vdirsyncer swaks mariadb mysqldump curl; do
    command -v $tool > /dev/null || fail "$tool is missing (apt-get install isync vdirsyncer swaks mariadb-client curl)"
done
cleanup() {
    zcp_stop
    mariadb -h 127.0.0.1 -u root -e "DROP DATABASE IF EXISTS zcp_backup_a; DROP DATABASE IF EXISTS zcp_backup_b" 2> /dev/null || true
}
trap cleanup EXIT

# mbsync_all NAME: every folder of alice's mailbox into DIR/NAME/mail; sha256 of each message's
# text with its folder, sorted, in DIR/NAME/mail.sums
mbsync_all() {
    mkdir -p "$DIR/$1/mail"
    echo | openssl s_client -starttls imap -connect "127.0.0.1:$ZCP_IMAP_PORT" 2> /dev/null | openssl x509 > "$DIR/$1/imap.pem"
    cat > "$DIR/$1/mbsyncrc" <<CFG
IMAPAccount zcp
Host 127.0.0.1
Port $ZCP_IMAP_PORT
User alice
Pass alice-secret
SSLType STARTTLS
CertificateFile $DIR/$1/imap.pem
SystemCertificates no

IMAPStore remote
Account zcp

MaildirStore local
Path $DIR/$1/mail/
Inbox $DIR/$1/mail/INBOX
SubFolders Verbatim

Channel all
Far :remote:
Near :local:
Patterns *
Create Near
Sync Pull
SyncState *
CFG
    mbsync -q -c "$DIR/$1/mbsyncrc" all > "$DIR/$1/mbsync.out" 2>&1 || fail "mbsync ($1): $(tail -5 "$DIR/$1/mbsync.out")"
    (cd "$DIR/$1/mail" && find . -type f -path '*/cur/*' -o -type f -path '*/new/*' | while read -r f; do
        # without the X-TUID line mbsync writes into each message it fetches (its own transaction id)
        printf '%s %s\n' "$(grep -v '^X-TUID: ' "$f" | sha256sum | cut -c1-64)" "$(dirname "$(dirname "$f")")"
    done | sort > "$DIR/$1/mail.sums")
}
# vdir_all NAME: alice's calendars and address book into DIR/NAME/dav; sums as above
vdir_all() {
    mkdir -p "$DIR/$1/dav/cal" "$DIR/$1/dav/card" "$DIR/$1/dav/status"
    cat > "$DIR/$1/vdirsyncer" <<CFG
[general]
status_path = "$DIR/$1/dav/status/"
[pair cal]
a = "cal_local"
b = "cal_remote"
collections = ["from b"]
[storage cal_local]
type = "filesystem"
path = "$DIR/$1/dav/cal/"
fileext = ".ics"
[storage cal_remote]
type = "caldav"
url = "http://127.0.0.1:$ZCP_ICAL_PORT/"
username = "alice"
password = "alice-secret"
[pair card]
a = "card_local"
b = "card_remote"
collections = ["from b"]
[storage card_local]
type = "filesystem"
path = "$DIR/$1/dav/card/"
fileext = ".vcf"
[storage card_remote]
type = "carddav"
url = "http://127.0.0.1:$ZCP_ICAL_PORT/"
username = "alice"
password = "alice-secret"
CFG
    { yes | vdirsyncer -c "$DIR/$1/vdirsyncer" discover && vdirsyncer -c "$DIR/$1/vdirsyncer" sync; } \
        > "$DIR/$1/vdirsyncer.out" 2>&1 || fail "vdirsyncer ($1): $(tail -5 "$DIR/$1/vdirsyncer.out")"
    (cd "$DIR/$1/dav" && find cal card -type f \( -name '*.ics' -o -name '*.vcf' \) | while read -r f; do
        printf '%s %s\n' "$(sha256sum < "$f" | cut -c1-64)" "$(dirname "$f")"
    done | sort > "$DIR/$1/dav.sums")
}
# directory NAME: what zarafa-admin says of users and groups
directory() {
    { zarafa-admin -l; zarafa-admin -L; zarafa-admin --details alice | grep -E '^(Username|Fullname|Emailaddress|Active|Administrator|Features)';
      zarafa-admin --details staff --type group; } > "$DIR/$1/directory.txt" 2>&1
    grep -q bob "$DIR/$1/directory.txt" && grep -q staff "$DIR/$1/directory.txt" || fail "zarafa-admin ($1): $(cat "$DIR/$1/directory.txt")"
}

# 1. a server on MariaDB with data
zcp_configure "$DIR/a" 21000 mariadb zcp_backup_a
zcp_start
zarafa-admin -c alice -p alice-secret -e alice@example.com -f "Alice Archer" > /dev/null
zarafa-admin -u alice --enable-feature imap > /dev/null
zarafa-admin -c bob -p bob-secret -e bob@example.com -f "Bob Baker" > /dev/null
zarafa-admin -g staff -e staff@example.com > /dev/null
zarafa-admin -b alice -i staff > /dev/null
zarafa-admin -b bob -i staff > /dev/null
head -c 300000 /dev/urandom > "$DIR/attachment.bin"
for i in 1 2 3 4 5 6 7 8 9 10; do
    swaks --silent 2 --protocol LMTP --server "127.0.0.1:$ZCP_LMTP_PORT" --from "sender$i@example.net" \
        --to alice@example.com --header "Subject: before the backup $i" --body "message $i" > /dev/null \
        || fail "LMTP delivery $i"
done
for i in 1 2; do
    swaks --silent 2 --protocol LMTP --server "127.0.0.1:$ZCP_LMTP_PORT" --from files@example.net \
        --to alice@example.com --header "Subject: with an attachment $i" --attach "@$DIR/attachment.bin" > /dev/null \
        || fail "LMTP delivery with an attachment $i"
done
[ -n "$(find "$DIR/a/lib/attachments" -type f | head -1)" ] || fail "no attachment file was written (attachment_storage = files)"
for n in 1 2 3; do
    curl -sf -u alice:alice-secret -X PUT -H 'Content-Type: text/calendar' -o /dev/null --data-binary \
        "$(printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//backup test//EN\r\nBEGIN:VEVENT\r\nUID:backup-%s\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:2031060%sT090000Z\r\nDTEND:2031060%sT100000Z\r\nSUMMARY:Event %s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n' "$n" "$n" "$n" "$n")" \
        "http://127.0.0.1:$ZCP_ICAL_PORT/caldav/alice/Calendar/backup-$n.ics" || fail "PUT event $n"
done
curl -sf -u alice:alice-secret -X PUT -H 'Content-Type: text/vcard' -o /dev/null --data-binary \
    "$(printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:backup-card\r\nFN:Carla Contact\r\nN:Contact;Carla;;;\r\nEMAIL:carla@example.org\r\nEND:VCARD\r\n')" \
    "http://127.0.0.1:$ZCP_ICAL_PORT/carddav/alice/Contacts/backup-card.vcf" || fail "PUT contact"
mbsync_all before
vdir_all before
directory before
[ "$(grep -c ' ./INBOX$' "$DIR/before/mail.sums")" = 12 ] || fail "mbsync saw $(grep -c ' ./INBOX$' "$DIR/before/mail.sums") of 12 messages in the Inbox"
[ "$(grep -c ' cal/Calendar$' "$DIR/before/dav.sums")" = 3 ] && [ "$(grep -c ' card/Contacts$' "$DIR/before/dav.sums")" = 1 ] \
    || fail "vdirsyncer saw: $(cat "$DIR/before/dav.sums")"
pass "a server on MariaDB with 2 users, a group, 12 messages (2 with attachment files), 3 events and a contact"

# 2. the backup, while the server runs and takes mail
swaks --silent 2 --protocol LMTP --server "127.0.0.1:$ZCP_LMTP_PORT" --from during@example.net --to bob@example.com \
    --header "Subject: during" --body x > /dev/null &
zarafa-fullbackup -c "$DIR/a/etc/server.cfg" --keep 7 "$DIR/backups" > "$DIR/backup.out" 2>&1 || fail "zarafa-fullbackup: $(cat "$DIR/backup.out")"
wait
BACKUP=$(sed -n 's/^zarafa-fullbackup: \([^ ]*\) (.*/\1/p' "$DIR/backup.out")
for f in MANIFEST database.sql.gz attachments.tar.gz; do [ -s "$BACKUP/$f" ] || fail "the backup has no $f: $(ls "$BACKUP")"; done
ls "$DIR/backups" | grep -q partial && fail "a .partial directory was left"
if grep -q "mysql_password\|alice-secret" "$DIR/backup.out" "$BACKUP/MANIFEST"; then fail "a password in the backup's output"; fi
pass "zarafa-fullbackup while the server runs: $(cat "$DIR/backup.out")"
if zarafa-fullrestore -c "$DIR/a/etc/server.cfg" "$BACKUP" > "$DIR/refused-running.out" 2>&1; then fail "restored into a running server"; fi
grep -q "the server runs" "$DIR/refused-running.out" || fail "no reason given: $(cat "$DIR/refused-running.out")"
pass "a restore into the running server is refused: $(cat "$DIR/refused-running.out")"
zcp_stop

# 3. an empty server: its own database (made empty, as the playbook's grant SQL makes it) and
# attachment directory; the restore, then the same again is refused
zcp_configure "$DIR/b" 21000 mariadb zcp_backup_b
mariadb -h 127.0.0.1 -u root -e "CREATE DATABASE zcp_backup_b"
zarafa-fullrestore -c "$DIR/b/etc/server.cfg" "$BACKUP" > "$DIR/restore.out" 2>&1 || fail "zarafa-fullrestore: $(cat "$DIR/restore.out")"
pass "zarafa-fullrestore into the empty server: $(cat "$DIR/restore.out")"
if zarafa-fullrestore -c "$DIR/b/etc/server.cfg" "$BACKUP" > "$DIR/refused-full.out" 2>&1; then fail "restored over a server with data"; fi
grep -q "restore into an empty" "$DIR/refused-full.out" || fail "no reason given: $(cat "$DIR/refused-full.out")"
pass "a second restore over the data is refused: $(cat "$DIR/refused-full.out")"
mv "$DIR/b/lib/attachments" "$DIR/b/lib/attachments.restored"
if zarafa-fullrestore -c "$DIR/b/etc/server.cfg" "$BACKUP" > "$DIR/refused-db.out" 2>&1; then fail "restored over a database with tables"; fi
grep -q "the database zcp_backup_b has [0-9]* tables" "$DIR/refused-db.out" || fail "no reason given: $(cat "$DIR/refused-db.out")"
[ ! -e "$DIR/b/lib/attachments" ] || fail "the refused restore wrote attachments"
mv "$DIR/b/lib/attachments.restored" "$DIR/b/lib/attachments"
pass "and so is one into a database with tables: $(cat "$DIR/refused-db.out")"
zcp_start
mbsync_all after
vdir_all after
directory after
cmp -s "$DIR/before/mail.sums" "$DIR/after/mail.sums" || fail "mail differs after the restore: $(diff "$DIR/before/mail.sums" "$DIR/after/mail.sums")"
cmp -s "$DIR/before/dav.sums" "$DIR/after/dav.sums" || fail "calendars differ after the restore: $(diff "$DIR/before/dav.sums" "$DIR/after/dav.sums")"
cmp -s "$DIR/before/directory.txt" "$DIR/after/directory.txt" || fail "users differ: $(diff "$DIR/before/directory.txt" "$DIR/after/directory.txt")"
pass "after the restore mbsync gets the same $(wc -l < "$DIR/after/mail.sums") messages byte for byte, vdirsyncer the same events and contact, zarafa-admin the same users and group"
swaks --silent 2 --protocol LMTP --server "127.0.0.1:$ZCP_LMTP_PORT" --from a@example.net --to alice@example.com \
    --header "Subject: after the restore" --body x > /dev/null || fail "delivery after the restore"
pass "the restored server takes mail"
zcp_stop

# 4. the embedded database: copied only while its server is stopped
zcp_configure "$DIR/h2" 21000 h2
zcp_start
zarafa-admin -c hana -p hana-secret -e hana@example.com -f "Hana H2" > /dev/null
if zarafa-fullbackup -c "$DIR/h2/etc/server.cfg" "$DIR/h2-backups" > "$DIR/h2-refused.out" 2>&1; then fail "copied a running H2 database"; fi
grep -q "cannot be copied while the server runs" "$DIR/h2-refused.out" || fail "no reason given: $(cat "$DIR/h2-refused.out")"
zcp_stop
zarafa-fullbackup -c "$DIR/h2/etc/server.cfg" "$DIR/h2-backups" > "$DIR/h2-backup.out" 2>&1 || fail "H2 backup: $(cat "$DIR/h2-backup.out")"
H2BACKUP=$(sed -n 's/^zarafa-fullbackup: \([^ ]*\) (.*/\1/p' "$DIR/h2-backup.out")
mv "$DIR/h2/lib" "$DIR/h2/lib.old" && mkdir -p "$DIR/h2/lib"
zarafa-fullrestore -c "$DIR/h2/etc/server.cfg" "$H2BACKUP" > "$DIR/h2-restore.out" 2>&1 || fail "H2 restore: $(cat "$DIR/h2-restore.out")"
zcp_start
zarafa-admin -l | grep -q hana || fail "hana is gone after the H2 restore"
zcp_stop
pass "the embedded database: refused while its server runs, copied when stopped, restored with its user"

# 5. --keep: backups older than the given days go, the new one stays
mkdir -p "$DIR/backups/zarafa-20200101-000000" && touch -d '2020-01-01' "$DIR/backups/zarafa-20200101-000000"
zarafa-fullbackup -c "$DIR/h2/etc/server.cfg" --keep 7 "$DIR/backups" > "$DIR/keep.out" 2>&1 || fail "backup with --keep: $(cat "$DIR/keep.out")"
[ ! -e "$DIR/backups/zarafa-20200101-000000" ] || fail "--keep 7 left a backup of 2020"
[ -d "$BACKUP" ] || fail "--keep 7 removed today's backup"
pass "--keep 7 removes older backups and keeps today's"
echo "backup test: passed"
