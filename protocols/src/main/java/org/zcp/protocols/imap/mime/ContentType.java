package org.zcp.protocols.imap.mime;

import java.util.List;

/**
 * A parsed Content-Type (RFC 2045 §5.1). Type and subtype keep the case of the message; use the
 * {@code is*} methods to compare.
 */
public record ContentType(String type, String subtype, List<Parameter> parameters) {
    /** RFC 2045 §5.2: the type of a part without (or with an unparsable) Content-Type. */
    public static final ContentType DEFAULT = new ContentType("text", "plain",
            List.of(new Parameter("charset", "us-ascii")));
    /** RFC 2046 §5.1.5: the default of a part inside multipart/digest. */
    public static final ContentType DIGEST_DEFAULT = new ContentType("message", "rfc822", List.of());

    public ContentType {
        parameters = List.copyOf(parameters);
    }

    /** The first parameter of that name (ignoring case), or null. */
    public String parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equalsIgnoreCase(name)) {
                return p.value();
            }
        }
        return null;
    }

    public boolean isMultipart() {
        return type.equalsIgnoreCase("multipart");
    }

    public boolean isText() {
        return type.equalsIgnoreCase("text");
    }

    public boolean isMessageRfc822() {
        return type.equalsIgnoreCase("message") && subtype.equalsIgnoreCase("rfc822");
    }

    public boolean isDigest() {
        return isMultipart() && subtype.equalsIgnoreCase("digest");
    }
}
