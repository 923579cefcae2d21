package org.zcp.protocols.sasl;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** The SASL PLAIN mechanism's message (RFC 4616), as IMAP AUTHENTICATE and POP3 AUTH receive it. */
public final class SaslPlain {
    private SaslPlain() {
    }

    /**
     * {@code [authzid] NUL authcid NUL passwd} in UTF-8, authcid and passwd not empty; returns the
     * three parts, or null when the message is malformed.
     */
    public static String[] decode(byte[] message) {
        int first = indexOf(message, 0);
        int second = first < 0 ? -1 : indexOf(message, first + 1);
        if (second < 0 || indexOf(message, second + 1) >= 0) return null;
        if (second == first + 1 || second == message.length - 1) return null;
        try {
            var utf8 = StandardCharsets.UTF_8.newDecoder();
            return new String[] {utf8.decode(ByteBuffer.wrap(message, 0, first)).toString(),
                    utf8.decode(ByteBuffer.wrap(message, first + 1, second - first - 1)).toString(),
                    utf8.decode(ByteBuffer.wrap(message, second + 1, message.length - second - 1)).toString()};
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) if (b[i] == 0) return i;
        return -1;
    }
}
