package org.zcp.protocols.imap;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.zcp.protocols.imap.mime.MessageFacts;
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
    private final KeptFacts facts;
    private MimeStructure mime;
    private MessageFacts kept;

    private FetchRenderer(SelectedMailbox.Message message, MessageTexts texts, KeptFacts facts) {
        this.message = message;
        this.texts = texts;
        this.facts = facts;
    }

    /**
     * Whether the items read the message's text (sections, RFC822*); if not, ENVELOPE, BODY and
     * BODYSTRUCTURE come from the facts the store keeps ({@link KeptFacts}) without the text.
     */
    static boolean readsText(FetchAttributes fa) {
        for (FetchAttribute a : fa.items()) {
            if (a instanceof BodySection || a instanceof FetchAttributes.Binary) return true;
            if (a instanceof SimpleAttribute s && switch (s.kind()) {
                case RFC822, RFC822_HEADER, RFC822_TEXT -> true;
                default -> false;
            }) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code flagsChanged}: the FETCH set \Seen, so FLAGS goes out too; with {@code condstore} then
     * also UID and MODSEQ (RFC 7162 section 3.1, a FETCH that implicitly set \Seen).
     */
    static byte[] render(int seq, SelectedMailbox.Message m, FetchAttributes fa, boolean uid, boolean flagsChanged,
            boolean condstore, MessageTexts texts, KeptFacts facts) {
        FetchRenderer r = new FetchRenderer(m, texts, facts);
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
            case ENVELOPE -> b.text(facts().envelope());
            case BODY -> b.text(facts().body());
            case BODYSTRUCTURE -> b.text(facts().bodyStructure());
            case RFC822 -> b.literal(raw());
            case RFC822_HEADER -> b.literal(mime().section("HEADER"));
            case RFC822_TEXT -> b.literal(mime().section("TEXT"));
        }
    }

    /** {@code BODY[section]<origin>} with the section's octets as a literal. */
    private void section(BodySection s, ImapOutput.Builder b) {
        Section sec = s.section();
        // the whole message needs no MIME parse (BODY[], BODY.PEEK[]<0.n>)
        byte[] data = sec.part().isEmpty() && sec.specifier() == Section.Specifier.NONE ? raw() : mime().section(new SectionSpec(sec.part(), SectionSpec.Text.valueOf(sec.specifier().name()),
                sec.fields()));
        if (s.partial() != null) data = MimeStructure.partial(data, s.partial().origin(), s.partial().count());
        b.text(FetchAttributes.wire(s) + " ").literal(data);
    }

    /** INTERNALDATE in UTC. */
    static String internalDate(long millis) {
        return ImapDates.formatDateTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
    }

    /** The message's facts: kept by the store when there is no text to parse anyway, else from the parse. */
    private MessageFacts facts() {
        if (kept == null) {
            if (facts != null && mime == null) {
                kept = facts.get(message.uid);
                if (kept == null) throw new ImapBackend.Failure("EXPUNGEISSUED", "Message no longer exists");
            } else {
                kept = MessageFacts.of(mime());
            }
        }
        return kept;
    }

    /** The message's text as the store serves it (not copied: nothing writes to it). */
    private byte[] raw() {
        if (mime != null) return mime.raw();
        byte[] raw = texts.get(message.uid);
        if (raw == null) throw new ImapBackend.Failure("EXPUNGEISSUED", "Message no longer exists");
        return raw;
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
