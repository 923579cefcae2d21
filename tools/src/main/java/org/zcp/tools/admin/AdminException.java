package org.zcp.tools.admin;

import org.zcp.api.soap.MapiException;

/** Ends zarafa-admin with exit code 1; the message is the one line printed on stderr. */
final class AdminException extends Exception {
    private static final long serialVersionUID = 1L;

    AdminException(String line) {
        super(line);
    }

    /** A server call failing inside an action step. */
    interface MapiCall {
        void run() throws MapiException;
    }

    /** Runs one step of an action, naming that step when the server refuses it. */
    static void during(String what, MapiCall call) throws AdminException {
        try {
            call.run();
        } catch (MapiException e) {
            throw new AdminException(line(what, e));
        }
    }

    /** The original's form: {@code Unable to create user: MAPI_E_COLLISION (user john already exists)}. */
    static String line(String what, MapiException e) {
        String error = e.getFaultInfo() != null && e.getFaultInfo().error != null
                ? e.getFaultInfo().error : e.error().name();
        String message = e.getFaultInfo() != null ? e.getFaultInfo().message : e.getMessage();
        StringBuilder sb = new StringBuilder("Unable to ").append(what).append(": ").append(error);
        if (message != null && !message.isBlank()) {
            sb.append(" (").append(message.strip()).append(')');
        }
        return sb.toString();
    }
}
