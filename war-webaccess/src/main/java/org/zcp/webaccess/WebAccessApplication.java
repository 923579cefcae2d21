package org.zcp.webaccess;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API of the web client at /webaccess/api (docs/webaccess.md; api/openapi.yaml). */
@ApplicationPath("api")
public class WebAccessApplication extends Application {
}
