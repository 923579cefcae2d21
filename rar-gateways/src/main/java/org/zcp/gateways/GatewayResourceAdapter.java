package org.zcp.gateways;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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

    private final transient Map<MessageEndpointFactory, List<LineListener>> listeners = new ConcurrentHashMap<>();

    @Override
    public void start(BootstrapContext ctx) {
        LOG.info("ZCP gateway resource adapter started");
    }

    @Override
    public void stop() {
        listeners.values().forEach(l -> l.forEach(LineListener::close));
        listeners.clear();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof LineActivationSpec line)) {
            throw new NotSupportedException("unsupported activation spec " + spec.getClass().getName());
        }
        line.validate();
        List<LineListener> started = new ArrayList<>();
        started.add(new LineListener(factory, line));
        LineActivationSpec secure = line.secure();
        if (secure != null) {
            secure.validate();
            started.add(new LineListener(factory, secure));
        }
        listeners.put(factory, started);
        started.forEach(LineListener::start);
    }

    /** Called twice by WildFly at shutdown (suspend, stop): closing is idempotent. */
    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        List<LineListener> l = listeners.remove(factory);
        if (l != null) l.forEach(LineListener::close);
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
