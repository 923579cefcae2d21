package org.zcp.tools.soap;

/** The server could not be reached or no way to log on was available; the message is one line for the user. */
public class ConnectionException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
