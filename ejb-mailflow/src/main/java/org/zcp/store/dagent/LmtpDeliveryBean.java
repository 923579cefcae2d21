package org.zcp.store.dagent;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.zcp.store.api.delivery.DeliveryResult;
import org.zcp.protocols.lmtp.LmtpBackend;
import org.zcp.store.dagent.Deliveries;
import org.zcp.store.dagent.DeliveryService;
import org.zcp.store.dagent.LmtpDeliveryBean;
import org.zcp.store.directory.Directory;

/**
 * The store side of LMTP (manual 5.4): the gateway resource adapter calls this endpoint for
 * every RCPT and, after DATA, once per recipient; each copy is committed in its own transaction
 * before the adapter answers 250 for it.
 */
@MessageDriven(messageListenerInterface = LmtpBackend.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "protocol", propertyValue = "lmtp")})
@ResourceAdapter("zcp.ear#zcp-gateways.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LmtpDeliveryBean implements LmtpBackend {
    @Inject
    Directory directory;

    @Inject
    DeliveryService delivery;

    @Override
    public String checkRecipient(String address) {
        try {
            // a user's address, alias or login name, or a group's address (its members get the mail)
            return directory.findUserByAddress(address).isPresent() || directory.findGroupByAddress(address).isPresent()
                    ? Status.OK.name() : Status.UNKNOWN.name();
        } catch (RuntimeException e) {
            // the directory or database is away: the MTA tries again later
            return Status.TEMPFAIL.name();
        }
    }

    @Override
    public String deliver(String recipient, String envelopeFrom, Path message) {
        DeliveryResult r = Deliveries.outcome(delivery, recipient, envelopeFrom, message, null, false, false);
        Status s = switch (r.status) {
            case DeliveryResult.DELIVERED -> Status.OK;
            case DeliveryResult.UNKNOWN -> Status.UNKNOWN;
            case DeliveryResult.QUOTA -> Status.QUOTA;
            default -> Status.TEMPFAIL;
        };
        return r.detail == null ? s.name() : s.name() + ": " + r.detail;
    }
}
