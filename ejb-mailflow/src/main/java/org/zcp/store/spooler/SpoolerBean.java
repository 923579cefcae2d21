package org.zcp.store.spooler;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;

/**
 * The spooler's workers (manual 4.9): {@code max_threads} of spooler.cfg messages are sent at the
 * same time. Each signal names an outgoingqueue entry.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = SpoolerQueue.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${zcp.spooler.threads:5}")})
public class SpoolerBean implements MessageListener {
    private static final Logger LOG = Logger.getLogger(SpoolerBean.class.getName());

    @Inject
    SpoolerService spooler;

    @Override
    public void onMessage(Message message) {
        long entry;
        try {
            entry = message.getLongProperty(SpoolerQueue.ENTRY);
        } catch (JMSException | NumberFormatException e) {
            LOG.warning("spooler signal without an entry ignored: " + e.getMessage());
            return;
        }
        spooler.process(entry);
    }
}
