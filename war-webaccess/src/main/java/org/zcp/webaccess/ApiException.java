package org.zcp.webaccess;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** A 4xx answer of the API: a status, a code the client switches on and a message it shows. */
@jakarta.ejb.ApplicationException
public class ApiException extends WebApplicationException {
    private static final long serialVersionUID = 1L;

    public ApiException(int status, String code, String message) {
        super(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", code, "message", message)).build());
    }

    public static ApiException invalid(String message) {
        return new ApiException(400, "invalid", message);
    }

    public static ApiException session() {
        return new ApiException(401, "session", "your session has ended; log on again");
    }
}
