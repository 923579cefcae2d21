package org.zcp.webaccess;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.api.StoreFailure;

/**
 * Every failure as the API's JSON error (docs/webaccess.md): the store's kinds to their HTTP
 * statuses, the API's own answers as they are, anything else a 500 that is logged and tells the
 * client nothing of the server's insides.
 */
@Provider
public class Failures implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(Failures.class.getName());

    @Override
    public Response toResponse(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            // the API's own answer, also when a container wrapped it
            if (c instanceof ApiException a) {
                Response r = json(a.status(), a.code(), a.getMessage());
                if (a.id() == null) return r;
                return Response.status(a.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", a.code(),
                        "message", a.getMessage() == null ? "" : a.getMessage(), "id", a.id())).build();
            }
        }
        StoreFailure f = StoreFailure.in(t);
        if (f != null) return store(f);
        if (t instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            return json(status, status == 404 ? "not-found" : status == 405 ? "method" : status == 415 ? "media-type"
                    : "invalid", w.getMessage());
        }
        LOG.log(Level.WARNING, "web client request failed", t);
        return json(500, "server", "the server could not do this; the server log says why");
    }

    static Response store(StoreFailure f) {
        String message = f.getMessage() == null ? "" : f.getMessage();
        return switch (f.kind()) {
            case NOT_FOUND -> json(404, "not-found", message.isEmpty() ? "not found" : message);
            case NO_ACCESS -> json(403, "access", message.isEmpty() ? "you may not do this" : message);
            case QUOTA -> json(422, "quota", "the mailbox is over its quota: " + message);
            case EXISTS -> json(409, "exists", message);
            case CONFLICT -> json(409, "conflict", message);
            case INVALID -> json(400, "invalid", message);
            case SESSION_ENDED -> json(401, "session", "your session has ended; log on again");
            case TEMPORARY -> json(503, "unavailable", "the store cannot do this now; try again: " + message);
        };
    }

    static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", code, "message", message == null ? "" : message)).build();
    }
}
