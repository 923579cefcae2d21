#!/bin/sh
# vdirsyncer.sh URL USER PASSWORD DIR: vdirsyncer (CalDAV and CardDAV) and khal, third-party
# clients from Debian, against zarafa-ical (URL: the server's root): discovery of the calendars
# and the address book, both ways for events (made in khal, made on the server, changed
# locally, deleted on the server) and for a contact. One "ok: ..." line per step; exits non-zero
# at the first failure. DIR is scratch space (emptied).
set -eu
URL=$1 USER=$2 PASSWORD=$3 DIR=$4
fail() { echo "FAIL: $*"; exit 1; }
ok() { echo "ok: $*"; }
rm -rf "$DIR"; mkdir -p "$DIR/cal" "$DIR/card" "$DIR/status"
cat > "$DIR/config" <<CFG
[general]
status_path = "$DIR/status/"

[pair cal]
a = "cal_local"
b = "cal_remote"
collections = ["from b"]
conflict_resolution = "b wins"

[storage cal_local]
type = "filesystem"
path = "$DIR/cal/"
fileext = ".ics"

[storage cal_remote]
type = "caldav"
url = "$URL/"
username = "$USER"
password = "$PASSWORD"

[pair card]
a = "card_local"
b = "card_remote"
collections = ["from b"]
conflict_resolution = "b wins"

[storage card_local]
type = "filesystem"
path = "$DIR/card/"
fileext = ".vcf"

[storage card_remote]
type = "carddav"
url = "$URL/"
username = "$USER"
password = "$PASSWORD"
CFG
cat > "$DIR/khal.conf" <<CFG
[calendars]
[[work]]
path = $DIR/cal/Calendar
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = UTC
default_timezone = UTC
CFG
VDS="vdirsyncer -c $DIR/config"
KHAL="khal -c $DIR/khal.conf"

yes | $VDS discover > "$DIR/discover.out" 2>&1 || fail "discover: $(tail -5 "$DIR/discover.out")"
for c in Calendar Tasks; do [ -d "$DIR/cal/$c" ] || fail "discover found no $c: $(cat "$DIR/discover.out")"; done
[ -d "$DIR/card/Contacts" ] || fail "discover found no Contacts: $(cat "$DIR/discover.out")"
ok "vdirsyncer discovers Calendar, Tasks (CalDAV) and Contacts (CardDAV) through /.well-known"

# a server-side event, a khal event and a local contact
curl -sf -u "$USER:$PASSWORD" -X PUT -H 'Content-Type: text/calendar' -o /dev/null --data-binary \
    "$(printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//acceptance//EN\r\nBEGIN:VEVENT\r\nUID:vds-server-1\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20310502T090000Z\r\nDTEND:20310502T100000Z\r\nSUMMARY:Made on the server\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')" \
    "$URL/caldav/$USER/Calendar/vds-server-1.ics" || fail "PUT on the server"
$KHAL new -a work 2031-05-03 14:00 15:00 "Added with khal" > "$DIR/khal-new.out" 2>&1 || fail "khal new: $(cat "$DIR/khal-new.out")"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:vds-card-1\r\nFN:Karl Kontakt\r\nN:Kontakt;Karl;;;\r\nEMAIL;TYPE=INTERNET:karl@example.org\r\nTEL;TYPE=CELL:+49 170 1234567\r\nEND:VCARD\r\n' \
    > "$DIR/card/Contacts/karl.vcf"
$VDS sync > "$DIR/sync1.out" 2>&1 || fail "sync: $(tail -5 "$DIR/sync1.out")"
$KHAL list 2031-05-01 5d > "$DIR/list.out" 2>&1 || fail "khal list: $(cat "$DIR/list.out")"
grep -q "09:00-10:00 Made on the server" "$DIR/list.out" || fail "khal does not show the server's event: $(cat "$DIR/list.out")"
REPORT='<?xml version="1.0"?><c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT"><c:time-range start="20310501T000000Z" end="20310510T000000Z"/></c:comp-filter></c:comp-filter></c:filter></c:calendar-query>'
query() { curl -sf -u "$USER:$PASSWORD" -X REPORT -H 'Depth: 1' -H 'Content-Type: application/xml' --data "$REPORT" \
    "$URL/caldav/$USER/Calendar/"; }
query | grep -q "SUMMARY:Added with khal" || fail "the khal event did not reach the server"
ok "sync both ways: the server's event shows in khal, khal's event is on the server"
ADDRESSES='<?xml version="1.0"?><cr:addressbook-query xmlns:d="DAV:" xmlns:cr="urn:ietf:params:xml:ns:carddav"><d:prop><cr:address-data/></d:prop></cr:addressbook-query>'
curl -sf -u "$USER:$PASSWORD" -X REPORT -H 'Depth: 1' -H 'Content-Type: application/xml' --data "$ADDRESSES" \
    "$URL/carddav/$USER/Contacts/" | grep -q "FN:Karl Kontakt" || fail "the contact did not reach the server"
ok "a vCard written locally is on the server's address book"

# a local change goes up; a deletion on the server comes down
FILE=$(grep -l "Added with khal" "$DIR"/cal/Calendar/*.ics)
sed -i 's/SUMMARY:Added with khal/SUMMARY:Moved by khal/' "$FILE"
$VDS sync > "$DIR/sync2.out" 2>&1 || fail "sync: $(tail -5 "$DIR/sync2.out")"
query | grep -q "SUMMARY:Moved by khal" || fail "the local change did not reach the server"
curl -sf -u "$USER:$PASSWORD" -X DELETE -o /dev/null "$URL/caldav/$USER/Calendar/vds-server-1.ics" || fail "DELETE"
$VDS sync > "$DIR/sync3.out" 2>&1 || fail "sync: $(tail -5 "$DIR/sync3.out")"
! grep -qs "Made on the server" "$DIR"/cal/Calendar/*.ics || fail "the event deleted on the server is still local"
ok "a local change goes up, a deletion on the server comes down"
