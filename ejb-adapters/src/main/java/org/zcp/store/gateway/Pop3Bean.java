package org.zcp.store.gateway;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.zcp.protocols.pop3.Pop3Backend;

/**
 * The store side of the POP3 and POP3S listeners of the gateway resource adapter (manual 4.11):
 * every call of a POP3 session is one call here, in a transaction of its own.
 */
@MessageDriven(messageListenerInterface = Pop3Backend.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "protocol", propertyValue = "pop3")})
@ResourceAdapter("zcp.ear#zcp-gateways.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Pop3Bean implements Pop3Backend {
    private static final Logger LOG = Logger.getLogger(Pop3Bean.class.getName());

    @Inject
    Pop3Service pop3;

    @Override
    public Login login(String user, String password, String peer, boolean tls) {
        try {
            return pop3.login(user, password, peer, tls);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pop3 logon of " + user + " failed", e);
            return new Login(Status.UNAVAILABLE, null, "temporary failure");
        }
    }

    @Override
    public List<Entry> list(String mailbox) {
        return pop3.list(mailbox);
    }

    @Override
    public byte[] retrieve(String mailbox, String uid) {
        return pop3.retrieve(mailbox, uid);
    }

    @Override
    public boolean delete(String mailbox, List<String> uids) {
        try {
            return pop3.delete(mailbox, uids);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "pop3 delete failed; the messages stay", e);
            return false;
        }
    }

    @Override
    public void logout(String mailbox) {
        try {
            pop3.logout(mailbox);
        } catch (RuntimeException e) {
            LOG.fine("pop3 logout: " + e.getMessage());
        }
    }
}
