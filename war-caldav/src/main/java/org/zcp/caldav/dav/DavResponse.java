package org.zcp.caldav.dav;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;

/** One HTTP response, built whole by a handler and written by the servlet. */
public final class DavResponse {
    public static final String XML = "application/xml; charset=utf-8";

    private final int status;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    public DavResponse(int status) {
        this.status = status;
    }

    public static DavResponse status(int status) {
        return new DavResponse(status);
    }

    public static DavResponse xml(int status, Document doc) {
        return new DavResponse(status).body(XML, Xml.serialize(doc));
    }

    public DavResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public DavResponse body(String contentType, byte[] bytes) {
        headers.put("Content-Type", contentType);
        body = bytes;
        return this;
    }

    public DavResponse body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** This response without its body (HEAD), keeping Content-Length of the body it would have had. */
    public DavResponse withoutBody() {
        DavResponse r = new DavResponse(status);
        r.headers.putAll(headers);
        r.headers.put("Content-Length", Integer.toString(body.length));
        return r;
    }
}
