package org.zcp.soap;

import jakarta.activation.DataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;

/** Attachment content held in memory (database attachment storage). */
final class BytesDataSource implements DataSource {
    private final byte[] data;
    private final String type;

    BytesDataSource(byte[] data, String type) {
        this.data = data;
        this.type = type;
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(data);
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public String getContentType() {
        return type;
    }

    @Override
    public String getName() {
        return "attachment";
    }
}
