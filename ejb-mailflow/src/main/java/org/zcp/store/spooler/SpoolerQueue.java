package org.zcp.store.spooler;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;

/**
 * The work signal of the spooler on the embedded broker: "queue entry N is due". Sent inside the
 * caller's transaction (the JCA connection factory enlists it), so a submit that rolls back never
 * signals. Signals are not persistent: the outgoingqueue table is the queue, and the spooler
 * re-signals what it holds at start and whenever an entry is overdue.
 */
@Stateless
public class SpoolerQueue {
    public static final String QUEUE = "java:/jms/queue/ZarafaSpooler";
    static final String ENTRY = "entry";

    @Inject
    @JMSConnectionFactory("java:/JmsXA")
    JMSContext jms;

    @Resource(lookup = QUEUE)
    Queue queue;

    public void signal(long entryId, long delayMillis) {
        var message = jms.createMessage();
        try {
            message.setLongProperty(ENTRY, entryId);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
        jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setDeliveryDelay(Math.max(0, delayMillis))
                .send(queue, message);
    }
}
