package org.zcp.gateways;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;

/**
 * The JCA inbound resource adapter that owns the line-protocol sockets (DESIGN "Shape"): each
 * activated message endpoint (an MDB in the store) gets a listener; the protocol work is in the
 * plain-Java protocols module, the store work in the endpoint.
 */
public class GatewayResourceAdapter implements ResourceAdapter, Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(GatewayResourceAdapter.class.getName());

    private final transient Map<MessageEndpointFactory, LineListener> listeners = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext ctx) {
        LOG.info("ZCP gateway resource adapter started");
    }

    @Override
    public void stop() {
        listeners.values().forEach(LineListener::close);
        listeners.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof LineActivationSpec line)) {
            throw new NotSupportedException("unsupported activation spec " + spec.getClass().getName());
        }
        line.validate();
        LineListener listener = new LineListener(factory, line);
        listeners.put(factory, listener);
        listener.start();
    }

    /** Called twice by WildFly at shutdown (suspend, stop): closing is idempotent. */
    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        LineListener l = listeners.remove(factory);
        if (l != null) l.close();
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GatewayResourceAdapter;
    }

    @Override
    public int hashCode() {
        return GatewayResourceAdapter.class.hashCode();
    }
}
