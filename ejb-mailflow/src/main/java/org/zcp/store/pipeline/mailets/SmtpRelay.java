package org.zcp.store.pipeline.mailets;

import jakarta.mail.MessagingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.apache.james.core.MailAddress;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.apache.mailet.base.GenericMailet;
import org.zcp.api.config.Config;
import org.zcp.protocols.smtp.SmtpTransaction;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;

/**
 * The end of the spooler pipeline: one SMTP transaction with {@code smtp_server}:{@code smtp_port}
 * of spooler.cfg (manual 4.9). The answer for every recipient goes back to the spooler, which
 * moves the message to Sent Items, reports refusals as Undeliverable and retries the rest. A
 * relay that cannot be reached fails the mailet: every recipient is retried later.
 */
public class SmtpRelay extends GenericMailet {
    static final int TIMEOUT_MS = 300_000;

    @Override
    public void service(Mail mail) throws MessagingException {
        PipelineContext context = (PipelineContext) getMailetContext();
        Config spooler = context.services().settings().spooler();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            mail.getMessage().writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot write the message", e);
        }
        byte[] bytes = out.toByteArray();
        List<String> recipients = mail.getRecipients().stream().map(MailAddress::asString).toList();
        String from = mail.hasSender() ? mail.getMaybeSender().asString() : "";
        SmtpTransaction.Result result;
        try {
            result = SmtpTransaction.send(spooler.get("smtp_server"), spooler.getInt("smtp_port"),
                    heloName(context), TIMEOUT_MS, from, recipients, () -> new ByteArrayInputStream(bytes),
                    bytes.length, eightBit(bytes));
        } catch (IOException e) {
            throw new MessagingException("SMTP relay " + spooler.get("smtp_server") + ":" + spooler.getInt("smtp_port")
                    + ": " + e, e);
        }
        mail.setAttribute(new Attribute(MailAttributes.SMTP_OUTCOME, AttributeValue.ofUnserializable(result)));
        mail.setState(Mail.GHOST);
    }

    private static String heloName(PipelineContext context) {
        String name = context.services().settings().get("server_hostname").trim();
        if (!name.isEmpty()) return name;
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static boolean eightBit(byte[] b) {
        for (byte x : b) {
            if (x < 0) return true;
        }
        return false;
    }

    @Override
    public String getMailetInfo() {
        return "Sends the message to the SMTP relay of spooler.cfg";
    }
}
