package org.zcp.webaccess.compose;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.zcp.webaccess.ApiException;
import org.zcp.webaccess.session.Guard;

/** An attachment for a message being written: the file's bytes as the body (docs/webaccess.md). */
@Path("uploads")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {
    @EJB
    Uploads uploads;

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body, @HeaderParam("X-File-Name") String name,
            @HeaderParam("Content-Type") String type, @HeaderParam("Content-Length") Long length,
            @Context HttpServletRequest req) throws IOException {
        String owner = Guard.session(req).storeSession();
        String file = name == null ? "" : URLDecoder.decode(name, StandardCharsets.UTF_8).strip();
        file = file.replaceAll("[\\x00-\\x1F\\x7F/\\\\]", "_");
        if (file.isEmpty()) throw ApiException.invalid("X-File-Name names the file");
        if (file.length() > 255) throw ApiException.invalid("a file name has at most 255 characters");
        String mime = type == null || type.isBlank() || !type.matches("[\\w.+-]+/[\\w.+-]+(;.*)?")
                ? "application/octet-stream" : type.replaceAll(";.*", "").strip();
        Uploads.Upload u = uploads.store(owner, file, mime, length == null ? -1 : length, body);
        return Response.status(201).entity(Map.of("id", u.id(), "name", u.name(), "size", u.size(),
                "mimeType", u.mimeType())).build();
    }
}
