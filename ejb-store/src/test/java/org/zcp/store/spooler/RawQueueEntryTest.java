package org.zcp.store.spooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.Recipient;
import org.zcp.store.entity.OutgoingEntry;
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

    static OutgoingEntry queued() {
        OutgoingEntry e = new OutgoingEntry();
        e.rawMime = 1;
        e.envelopeFrom = "alice@example.com";
        e.rawSha256 = SpoolerService.sha256(GENERATED);
        e.remaining = "bob@elsewhere.example";
        return e;
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
        OutgoingEntry legacy = queued();
        legacy.rawSha256 = null;
        legacy.remaining = null;
        var out = SpoolerService.raw(outboxCopy(GENERATED, "bob@elsewhere.example"), legacy);
        assertThat(out.recipients()).isEqualTo(List.of("bob@elsewhere.example"));
    }
}
