package org.zcp.mime;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.mime.MimeSamples;
import org.zcp.mime.MimeToMapi;

/** Loads sample mails from src/test/resources/mime and runs them through {@link MimeToMapi}. */
final class MimeSamples {
    /** The delivery time handed to every conversion. */
    static final long DELIVERY_TIME = 1_736_900_000_000L;

    private MimeSamples() {
    }

    static byte[] resource(String name) {
        try (InputStream in = MimeSamples.class.getResourceAsStream("/mime/" + name)) {
            return Objects.requireNonNull(in, "no test resource /mime/" + name).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses and converts the sample file {@code /mime/<name>}. */
    static Message convertResource(String name) {
        return convert(resource(name));
    }

    /** Parses and converts an inline message text (LF line ends are fine). */
    static Message convertText(String raw) {
        return convert(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Message convert(byte[] raw) {
        try {
            return MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(raw)), DELIVERY_TIME);
        } catch (MessagingException e) {
            throw new AssertionError("parse failed", e);
        }
    }

    static String string(List<PropValue> props, int tag) {
        return PropValues.string(props, tag);
    }

    static Long number(List<PropValue> props, int tag) {
        return PropValues.number(props, tag);
    }

    static Recipient recipient(Message m, String smtp) {
        return m.recipients.stream()
                .filter(r -> smtp.equals(PropValues.string(r.props, PropTag.PR_SMTP_ADDRESS)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no recipient " + smtp + " in " + m.recipients.size() + " rows"));
    }

    static Attachment attachmentNamed(Message m, String name) {
        return m.attachments.stream()
                .filter(a -> name.equals(PropValues.string(a.props, PropTag.PR_ATTACH_LONG_FILENAME)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no attachment " + name + " in " + names(m)));
    }

    static List<String> names(Message m) {
        return m.attachments.stream().map(a -> PropValues.string(a.props, PropTag.PR_ATTACH_LONG_FILENAME)).toList();
    }

    /** The sample PDF every attachment fixture carries: a header, all 256 byte values and a trailer. */
    static byte[] samplePdf() {
        byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + 256 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        for (int i = 0; i < 256; i++) out[head.length + i] = (byte) i;
        System.arraycopy(tail, 0, out, head.length + 256, tail.length);
        return out;
    }

    /** The 1x1 PNG used by the image fixtures. */
    static byte[] samplePng() {
        return java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    }
}
