package org.zcp.store.pipeline.mailets;

import jakarta.mail.MessagingException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.store.delivery.MailboxWriter;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;

/**
 * The end of the delivery pipeline: stores the message in the user's store (Inbox, the folder a
 * rule or zarafa-dagent -F chose, or Junk E-mail) and ends its processing. A failure (quota, the
 * database) propagates, so the MTA gets the right answer.
 */
public class MailboxDelivery extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        long userId = MailAttributes.number(mail, MailAttributes.USER)
                .orElseThrow(() -> new MessagingException("no zarafa.user attribute: not a delivery"));
        List<String> copies = MailAttributes.string(mail, MailAttributes.COPIES)
                .map(s -> Arrays.stream(s.split("\n")).filter(x -> !x.isBlank()).toList()).orElse(List.of());
        MailboxWriter.Target target = new MailboxWriter.Target(
                MailAttributes.string(mail, MailAttributes.PUBLIC_FOLDER).orElse(null),
                MailAttributes.string(mail, MailAttributes.FOLDER_ID).orElse(null),
                MailAttributes.string(mail, MailAttributes.FOLDER).orElse(null),
                MailAttributes.flag(mail, MailAttributes.CREATE), MailAttributes.flag(mail, MailAttributes.READ),
                MailAttributes.flag(mail, MailAttributes.JUNK), copies,
                MailAttributes.string(mail, MailAttributes.MESSAGE_CLASS).orElse(null),
                MailAttributes.string(mail, MailAttributes.MEETING).orElse(null));
        Path original = MailAttributes.string(mail, MailAttributes.RFC822).map(Path::of).orElse(null);
        MailboxWriter writer = ((PipelineContext) getMailetContext()).services().bean(MailboxWriter.class);
        String id = writer.store(userId, mail.getMessage(), original, target);
        MailAttributes.set(mail, MailAttributes.DELIVERED, id);
        mail.setState(Mail.GHOST);
    }

    @Override
    public String getMailetInfo() {
        return "Stores the message in the recipient's store";
    }
}
