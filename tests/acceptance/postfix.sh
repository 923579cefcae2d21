#!/bin/sh
# A private Postfix instance on loopback for the acceptance tests, configured as manual chapter
# 5.4.3 shows ("Postfix integration with virtual users"): virtual_mailbox_domains, a hash map of
# addresses, virtual_transport = lmtp:127.0.0.1:<lmtp_port>. Sourced by acceptance.sh.
#   postfix_setup DIR SMTP_PORT LMTP_PORT DOMAIN MAILBOX_MAPS [ADDRESS...]
#     MAILBOX_MAPS: "hash" for a hash map of the ADDRESSes (manual 5.4.3), or a Postfix lookup
#     table such as socketmap:inet:127.0.0.1:2004:mailbox (the platform answers)
#   postfix_start DIR / postfix_stop DIR / postfix_wait_log DIR PATTERN [SECONDS]
#   postfix_wait_empty DIR [SECONDS]

postfix_setup() {
    PF=$1; SMTP_PORT=$2; LMTP=$3; DOMAIN=$4; MAPS=$5; shift 5
    [ "$MAPS" = hash ] && MAPS="hash:$PF/etc/virtual"
    rm -rf "$PF"
    mkdir -p "$PF/etc" "$PF/spool" "$PF/data"
    # every service unchrooted (the private spool has no chroot files), smtpd on loopback
    sed -e 's/^\([a-z]*[[:space:]]\{1,\}[a-z-]*[[:space:]]\{1,\}[-ny][[:space:]]\{1,\}[-ny][[:space:]]\{1,\}\)y/\1n/' \
        -e "s/^smtp      inet/127.0.0.1:$SMTP_PORT inet/" /etc/postfix/master.cf > "$PF/etc/master.cf"
    cat > "$PF/etc/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $PF/spool
data_directory = $PF/data
mail_owner = postfix
setgid_group = postdrop
myhostname = mx.zcp.test
mydomain = zcp.test
myorigin = zcp.test
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
local_recipient_maps =
alias_maps =
alias_database =
relayhost =
smtputf8_enable = no
maillog_file = $PF/maillog
maillog_file_prefixes = /var, /dev/stdout, $PF
# manual 5.4.3
virtual_mailbox_domains = $DOMAIN
virtual_mailbox_maps = $MAPS
virtual_transport = lmtp:127.0.0.1:$LMTP
smtpd_recipient_restrictions = permit_mynetworks, reject_unauth_destination
# retry soon when the store answers 4xx (the acceptance test waits for it)
queue_run_delay = 5s
minimal_backoff_time = 5s
maximal_backoff_time = 10s
CF
    : > "$PF/etc/virtual"
    for a in "$@"; do printf '%s %s\n' "$a" "$a" >> "$PF/etc/virtual"; done
    postmap "$PF/etc/virtual"
    chown -R postfix:postfix "$PF/data"
    # Postfix runs a second configuration directory only when the default one names it
    dirs=$(postconf -h alternate_config_directories 2>/dev/null || true)
    case " $dirs " in
        *" $PF/etc "*) ;;
        *) postconf -e "alternate_config_directories = ${dirs:+$dirs }$PF/etc" ;;
    esac
    postfix -c "$PF/etc" check
}

postfix_start() {
    postfix -c "$1/etc" start
}

postfix_stop() {
    postfix -c "$1/etc" stop > /dev/null 2>&1 || true
}

# waits until the mail log matches an extended regular expression
postfix_wait_log() {
    i=0
    until grep -Eq "$2" "$1/maillog" 2>/dev/null; do
        i=$((i + 1))
        [ $i -lt "${3:-60}" ] || return 1
        sleep 1
    done
}

# waits until the queue is empty: everything Postfix accepted is delivered, relayed or bounced,
# and the peers have answered 250 to its end of data (deferred mail is retried at once)
postfix_wait_empty() {
    postqueue -c "$1/etc" -f > /dev/null 2>&1 || return 1
    i=0
    until postqueue -c "$1/etc" -p 2>/dev/null | grep -q "Mail queue is empty"; do
        i=$((i + 1))
        [ $i -lt "${2:-60}" ] || return 1
        sleep 1
    done
}
