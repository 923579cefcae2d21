package org.zcp.protocols.imap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.zcp.protocols.imap.mime.MimeStructure;
import org.zcp.protocols.imap.mime.SectionSpec;
import org.zcp.protocols.imap.parse.FetchAttributes;
import org.zcp.protocols.imap.parse.FetchAttributes.BodySection;
import org.zcp.protocols.imap.parse.FetchAttributes.FetchAttribute;
import org.zcp.protocols.imap.parse.FetchAttributes.Simple;
import org.zcp.protocols.imap.parse.FetchAttributes.SimpleAttribute;
import org.zcp.protocols.imap.parse.ImapDates;
import org.zcp.protocols.imap.parse.Section;

/**
 * Renders one {@code * n FETCH (...)} response, item by item. The message text is loaded from
 * the store only when an item needs it, once per message; ENVELOPE, BODY, BODYSTRUCTURE and the
 * sections come from {@link MimeStructure}. UID FETCH always reports the UID (first), a FETCH that
 * set \Seen reports FLAGS (with CONDSTORE on, UID and MODSEQ too), and with CHANGEDSINCE or MODSEQ
 * the MODSEQ is included.
 */
final class FetchRenderer {
    private final SelectedMailbox.Message message;
    private final MessageTexts texts;
    private MimeStructure mime;

    private FetchRenderer(SelectedMailbox.Message message, MessageTexts texts) {
        this.message = message;
        this.texts = texts;
    }

    /**
     * {@code flagsChanged}: the FETCH set \Seen, so FLAGS goes out too; with {@code condstore} then
     * also UID and MODSEQ (RFC 7162 section 3.1, a FETCH that implicitly set \Seen).
     */
    static byte[] render(int seq, SelectedMailbox.Message m, FetchAttributes fa, boolean uid, boolean flagsChanged,
            boolean condstore, MessageTexts texts) {
        FetchRenderer r = new FetchRenderer(m, texts);
        ImapOutput.Builder b = new ImapOutput.Builder().text("* " + seq + " FETCH (");
        boolean first = true;
        boolean withModSeq = fa.includesModSeq() || condstore && flagsChanged;
        if ((uid || condstore && flagsChanged) && !fa.items().contains(new SimpleAttribute(Simple.UID))) {
            b.text("UID " + m.uid);
            first = false;
        }
        for (FetchAttribute a : fa.items()) {
            if (!first) b.text(" ");
            first = false;
            r.item(a, b);
        }
        if (flagsChanged && !fa.items().contains(new SimpleAttribute(Simple.FLAGS))) {
            b.text(" ");
            r.simple(Simple.FLAGS, b);
        }
        if (withModSeq && !fa.items().contains(new SimpleAttribute(Simple.MODSEQ))) {
            b.text(" ");
            r.simple(Simple.MODSEQ, b);
        }
        return b.text(")\r\n").toBytes();
    }

    private void item(FetchAttribute a, ImapOutput.Builder b) {
        switch (a) {
            case SimpleAttribute s -> simple(s.kind(), b);
            case BodySection s -> section(s, b);
            case FetchAttributes.Binary x -> throw new IllegalStateException("BINARY");
        }
    }

    private void simple(Simple kind, ImapOutput.Builder b) {
        b.text(kind.wireName() + " ");
        switch (kind) {
            case FLAGS -> b.text(ImapOutput.flags(message.flags));
            case UID -> b.text(Long.toString(message.uid));
            case MODSEQ -> b.text("(" + message.modSeq + ")");
            case RFC822_SIZE -> b.text(Long.toString(message.size));
            case INTERNALDATE -> b.text(internalDate(message.internalDate));
            case ENVELOPE -> b.text(mime().envelope().toImapString());
            case BODY -> b.text(mime().body());
            case BODYSTRUCTURE -> b.text(mime().bodyStructure());
            case RFC822 -> b.literal(mime().raw());
            case RFC822_HEADER -> b.literal(mime().section("HEADER"));
            case RFC822_TEXT -> b.literal(mime().section("TEXT"));
        }
    }

    /** {@code BODY[section]<origin>} with the section's octets as a literal. */
    private void section(BodySection s, ImapOutput.Builder b) {
        Section sec = s.section();
        byte[] data = mime().section(new SectionSpec(sec.part(), SectionSpec.Text.valueOf(sec.specifier().name()),
                sec.fields()));
        if (s.partial() != null) data = MimeStructure.partial(data, s.partial().origin(), s.partial().count());
        b.text(FetchAttributes.wire(s) + " ").literal(data);
    }

    /** INTERNALDATE in UTC. */
    static String internalDate(long millis) {
        return ImapDates.formatDateTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    private MimeStructure mime() {
        if (mime == null) {
            byte[] raw = texts.get(message.uid);
            if (raw == null) throw new ImapBackend.Failure("EXPUNGEISSUED", "Message no longer exists");
            mime = MimeStructure.parse(raw);
        }
        return mime;
    }
}
