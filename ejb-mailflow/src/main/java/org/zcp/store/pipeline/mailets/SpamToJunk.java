package org.zcp.store.pipeline.mailets;

import jakarta.mail.MessagingException;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.api.config.Config;
import org.zcp.store.delivery.MailboxWriter;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;

/**
 * dagent.cfg {@code spam_header_name}/{@code spam_header_value}: a message the spam filter marked
 * goes to Junk E-mail, and the autoresponder leaves it alone.
 */
public class SpamToJunk extends GenericMailet {
    @Override
    public void service(Mail mail) throws MessagingException {
        Config dagent = ((PipelineContext) getMailetContext()).services().settings().dagent();
        if (MailboxWriter.isSpam(mail.getMessage(), dagent.get("spam_header_name"), dagent.get("spam_header_value"))) {
            MailAttributes.set(mail, MailAttributes.JUNK, true);
        }
    }

    @Override
    public String getMailetInfo() {
        return "Junk E-mail for messages the spam filter marked";
    }
}
