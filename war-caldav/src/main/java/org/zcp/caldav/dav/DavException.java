package org.zcp.caldav.dav;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * A request answered with an error status, with the RFC 4918 section 16 precondition or
 * postcondition element (RFC 4791, 6352, 6578 define more) that the {@code DAV:error} body names.
 * The message goes to the log only, never to the client.
 */
public class DavException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient QName condition;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public DavException(int status, String message) {
        this(status, null, message);
    }

    public DavException(int status, QName condition, String message) {
        super(message);
        this.status = status;
        this.condition = condition;
    }

    public DavException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public QName condition() {
        return condition;
    }

    /** The response: {@code <D:error>} with the condition, or an empty body. */
    /** RFC 4918 16 lets an error body carry more than its condition: the reason, in words (as SabreDAV does). */
    private org.w3c.dom.Document withMessage(org.w3c.dom.Document error) {
        if (getMessage() != null) {
            Xml.add(error.getDocumentElement(), new javax.xml.namespace.QName("http://zcp.org/ns/", "message"))
                    .setTextContent(getMessage());
        }
        return error;
    }

    public DavResponse response() {
        // a refusal without a precondition element says why in words (a client shows it to its user)
        DavResponse r = condition != null ? DavResponse.xml(status, withMessage(Xml.error(condition)))
                : status >= 400 && getMessage() != null
                        ? DavResponse.status(status).body("text/plain; charset=utf-8", getMessage() + "\n")
                        : DavResponse.status(status);
        headers.forEach(r::header);
        return r;
    }
}
