package org.zcp.webaccess;

/**
 * A 4xx answer of the API: a status, a code the client switches on and a message it shows
 * ({@link Failures} writes it). An application exception, so an EJB of the war passes it on as
 * it is.
 */
@jakarta.ejb.ApplicationException
public class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final String id;

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    /** With the id of what the failed call left behind (a refused send's message, kept in Drafts). */
    public ApiException(int status, String code, String message, String id) {
        super(message);
        this.status = status;
        this.code = code;
        this.id = id;
    }

    /** The id the answer carries besides error and message, or null. */
    public String id() {
        return id;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "invalid", message);
    }

    public static ApiException session() {
        return new ApiException(401, "session", "your session has ended; log on again");
    }
}
