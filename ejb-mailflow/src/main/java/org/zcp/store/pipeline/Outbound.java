package org.zcp.store.pipeline;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.apache.james.core.MaybeSender;

/** Where mail made by a pipeline (autoreplies, forwards, bounces) goes: the spooler. */
public interface Outbound {
    /** Queues {@code message} for SMTP in the Outbox of {@code ownerId}'s store. */
    void submit(long ownerId, MaybeSender envelopeFrom, List<String> recipients, MimeMessage message)
            throws MessagingException;
}
