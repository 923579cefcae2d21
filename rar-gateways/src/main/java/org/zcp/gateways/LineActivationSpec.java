package org.zcp.gateways;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.io.Serializable;

/**
 * Where a line-protocol service listens. Unset properties come from the system properties that
 * zarafa-server derives from dagent.cfg: {@code zcp.<protocol>.bind}, {@code .port},
 * {@code .threads}. Port 0 leaves the service off.
 */
public abstract class LineActivationSpec implements ActivationSpec, Serializable {
    private static final long serialVersionUID = 1L;

    private String protocol;
    private String bind;
    private Integer port;
    private Integer maxThreads;
    private transient ResourceAdapter adapter;

    protected LineActivationSpec(String protocol) {
        this.protocol = protocol;
    }

    abstract int defaultPort();

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getBind() {
        return bind != null ? bind : System.getProperty("zcp." + protocol + ".bind", "127.0.0.1");
    }

    public void setBind(String bind) {
        this.bind = bind;
    }

    public int getPort() {
        return port != null ? port : Integer.getInteger("zcp." + protocol + ".port", defaultPort());
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public int getMaxThreads() {
        return maxThreads != null ? maxThreads : Integer.getInteger("zcp." + protocol + ".threads", 20);
    }

    public void setMaxThreads(Integer maxThreads) {
        this.maxThreads = maxThreads;
    }

    @Override
    public void validate() throws InvalidPropertyException {
        if (getPort() < 0 || getPort() > 65535) throw new InvalidPropertyException(protocol + " port " + getPort());
        if (getMaxThreads() < 1) throw new InvalidPropertyException(protocol + " threads " + getMaxThreads());
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
