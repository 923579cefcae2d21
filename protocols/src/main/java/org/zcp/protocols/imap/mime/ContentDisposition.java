package org.zcp.protocols.imap.mime;

import java.util.List;

/** A parsed Content-Disposition (RFC 2183): the disposition type as written and its parameters. */
public record ContentDisposition(String type, List<Parameter> parameters) {
    public ContentDisposition {
        parameters = List.copyOf(parameters);
    }
}
