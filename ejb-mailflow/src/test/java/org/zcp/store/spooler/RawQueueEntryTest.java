package org.zcp.store.spooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.Outbox;
import org.zcp.store.api.Outbox.Queued;
import org.zcp.mime.MimeToMapi;

/** Security review #18: a generated message is sent as generated, whatever its Outbox copy says now. */
class RawQueueEntryTest {
    static final byte[] GENERATED = ("From: alice@example.com\r\nTo: bob@elsewhere.example\r\nSubject: FW: x\r\n\r\n"
            + "forwarded\r\n").getBytes(StandardCharsets.US_ASCII);

    static Message outboxCopy(byte[] text, String... recipients) {
        Message m = new Message();
        m.recipients = new java.util.ArrayList<>();
        m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text));
        for (String r : recipients) {
            Recipient rc = new Recipient();
            rc.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, r));
            m.recipients.add(rc);
        }
        return m;
    }

    static Queued queued(String rawSha256, List<String> remaining) {
        return new Queued(1, "00", GENERATED.length, new MailStore(1, "AB", 5, false), 2, 0, 0, true,
                "alice@example.com", rawSha256, remaining, 0, null, false);
    }

    static Queued queued() {
        return queued(Outbox.digest(GENERATED), List.of("bob@elsewhere.example"));
    }

    @Test
    void anUnchangedTextIsSentToTheQueuedRecipients() throws Exception {
        var out = SpoolerService.raw(outboxCopy(GENERATED, "bob@elsewhere.example", "added@evil.example"), queued());
        assertThat(out.bytes()).isEqualTo(GENERATED);
        assertThat(out.recipients()).as("recipients come from the queue row").containsExactly("bob@elsewhere.example");
        assertThat(out.envelopeFrom()).isEqualTo("alice@example.com");
    }

    @Test
    void aTextChangedInTheOutboxIsNotSent() {
        byte[] edited = new String(GENERATED, StandardCharsets.US_ASCII).replace("alice@", "ceo@")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SpoolerService.raw(outboxCopy(edited, "bob@elsewhere.example"), queued()))
                .isInstanceOf(SpoolerService.Refused.class).hasMessageContaining("changed in the Outbox");
    }

    @Test
    void anEntryQueuedBeforeTheHashWasKeptUsesTheMessage() throws Exception {
        Queued legacy = queued(null, null);
        var out = SpoolerService.raw(outboxCopy(GENERATED, "bob@elsewhere.example"), legacy);
        assertThat(out.recipients()).isEqualTo(List.of("bob@elsewhere.example"));
    }
}
