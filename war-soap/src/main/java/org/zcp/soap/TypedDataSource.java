package org.zcp.soap;

import jakarta.activation.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A data source with the attachment's own MIME type. */
final class TypedDataSource implements DataSource {
    private final DataSource inner;
    private final String type;

    TypedDataSource(DataSource inner, String type) {
        this.inner = inner;
        this.type = type;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return inner.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("read only");
    }

    @Override
    public String getContentType() {
        return type;
    }

    @Override
    public String getName() {
        return inner.getName();
    }
}
