package org.zcp.webaccess;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;

/** The API's OpenAPI document (src/main/resources/openapi.yaml), for scripts and tools. */
@Path("openapi.yaml")
public class OpenApiResource {
    @GET
    @Produces("application/yaml")
    public byte[] document() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/openapi.yaml")) {
            return in.readAllBytes();
        }
    }
}
