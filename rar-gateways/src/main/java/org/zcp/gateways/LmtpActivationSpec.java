package org.zcp.gateways;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * Where the LMTP service listens. Unset properties come from the system properties that
 * zarafa-server derives from dagent.cfg: {@code zcp.lmtp.bind} (server_bind), {@code
 * zcp.lmtp.port} (lmtp_port, 2003) and {@code zcp.lmtp.threads} (lmtp_max_threads, 20).
 */
public class LmtpActivationSpec implements ActivationSpec, Serializable {
    private static final long serialVersionUID = 1L;

    private String protocol = "lmtp";
    private String bind;
    private Integer port;
    private Integer maxThreads;
    private transient ResourceAdapter adapter;

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getBind() {
        return bind != null ? bind : System.getProperty("zcp.lmtp.bind", "127.0.0.1");
    }

    public void setBind(String bind) {
        this.bind = bind;
    }

    public int getPort() {
        return port != null ? port : Integer.getInteger("zcp.lmtp.port", 2003);
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public int getMaxThreads() {
        return maxThreads != null ? maxThreads : Integer.getInteger("zcp.lmtp.threads", 20);
    }

    public void setMaxThreads(Integer maxThreads) {
        this.maxThreads = maxThreads;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (getPort() < 1 || getPort() > 65535) throw new InvalidPropertyException("lmtp_port " + getPort());
        if (getMaxThreads() < 1) throw new InvalidPropertyException("lmtp_max_threads " + getMaxThreads());
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return adapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.adapter = ra;
    }
}
