package org.zcp.store.dagent;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.Mail;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.Mailboxes;
import org.zcp.store.api.delivery.DeliveryResult;
import org.zcp.store.StoreException;
import org.zcp.store.dagent.DeliveryService;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Pipelines;

/**
 * Delivery of an Internet message into a user's store (zarafa-dagent, LMTP): resolve the
 * recipient, then run the delivery pipeline (dagent-mailetcontainer.xml: spam filter, rules,
 * out-of-office, plugins, and last the mailbox) in a transaction of its own, so that one
 * recipient's outcome never touches another's.
 */
@Stateless
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @Inject
    Directory directory;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Pipelines pipelines;

    /**
     * When {@code recipient} names no user but a group: the addresses mail to it goes to, one per
     * user the group reaches (the primary address, else the login name); null when it is no group.
     */
    public java.util.List<String> groupRecipients(String recipient) {
        if (directory.findUserByAddress(recipient).isPresent()) return null;
        DirEntry group = directory.findGroupByAddress(recipient).orElse(null);
        if (group == null) return null;
        java.util.List<String> out = new java.util.ArrayList<>();
        for (DirEntry u : directory.recipientsOfGroup(group.id())) {
            out.add(u.email().isEmpty() ? directory.loginName(u) : u.email());
        }
        return out;
    }

    /** Delivers one copy; the caller maps DELIVERED/UNKNOWN/QUOTA to its protocol's answers. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DeliveryResult deliver(String recipient, String envelopeFrom, Path rfc822, String folderPath,
            boolean create, boolean markRead) {
        DeliveryResult r = new DeliveryResult();
        r.recipient = recipient;
        DirEntry user = directory.findUserByAddress(recipient).orElse(null);
        if (user == null) {
            r.status = DeliveryResult.UNKNOWN;
            r.detail = "no such user: " + recipient;
            return r;
        }
        if (mailboxes.privateStore(user.id()).isEmpty()) {
            r.status = DeliveryResult.UNKNOWN;
            r.detail = "user " + user.name() + " has no store";
            return r;
        }
        Mail mail;
        try (InputStream in = Files.newInputStream(rfc822)) {
            mail = MailImpl.builder().name("delivery-" + UUID.randomUUID())
                    .sender(sender(envelopeFrom))
                    .addRecipient(address(recipient, user))
                    .mimeMessage(MimeToMapi.parse(in))
                    .addAttribute(new Attribute(MailAttributes.USER, org.apache.mailet.AttributeValue.of(user.id())))
                    .addAttribute(new Attribute(MailAttributes.RFC822,
                            org.apache.mailet.AttributeValue.of(rfc822.toString())))
                    .build();
        } catch (MessagingException | IOException e) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "cannot read the message: " + e.getMessage());
        }
        if (folderPath != null && !folderPath.isBlank()) MailAttributes.set(mail, MailAttributes.FOLDER, folderPath);
        if (create) MailAttributes.set(mail, MailAttributes.CREATE, true);
        if (markRead) MailAttributes.set(mail, MailAttributes.READ, true);
        try {
            PipelineContext.runFor(user.id(), () -> pipelines.delivery().service(mail));
        } catch (MessagingException e) {
            throw failure(e);
        }
        mail.getAttribute(Mail.MAILET_ERROR).ifPresent(a -> {
            throw failure(a.getValue().value() instanceof Throwable t ? t
                    : new IllegalStateException(String.valueOf(a.getValue().value())));
        });
        r.status = DeliveryResult.DELIVERED;
        r.messageId = MailAttributes.string(mail, MailAttributes.DELIVERED).orElse(null);
        if (r.messageId == null) {
            r.detail = "discarded: " + MailAttributes.string(mail, MailAttributes.DISCARDED)
                    .orElse("the delivery pipeline stored no copy (state " + mail.getState() + ")");
            LOG.info("message for " + directory.loginName(user) + " " + r.detail);
        }
        return r;
    }

    /** A pipeline failure as the store exception it carries, else a temporary failure. */
    private static RuntimeException failure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StoreException se) return se;
            if (c instanceof MessagingException me && me.getNextException() instanceof StoreException se) return se;
        }
        return new StoreException(MapiError.MAPI_E_CALL_FAILED, "delivery pipeline: " + t);
    }

    private static MaybeSender sender(String envelopeFrom) {
        if (envelopeFrom == null || envelopeFrom.isBlank() || envelopeFrom.equals("<>")) return MaybeSender.nullSender();
        return MaybeSender.getMailSender(envelopeFrom.replaceAll("^<|>$", ""));
    }

    /** The recipient as an address: as given, else the user's primary address, else login@localhost. */
    private MailAddress address(String recipient, DirEntry user) throws AddressException {
        for (String candidate : new String[] {recipient, user.email(), directory.loginName(user) + "@localhost"}) {
            if (candidate == null || !candidate.contains("@")) continue;
            try {
                return new MailAddress(candidate.replaceAll("^<|>$", ""));
            } catch (AddressException e) {
                // try the next form
            }
        }
        return new MailAddress(user.name().replaceAll("[^A-Za-z0-9._-]", "_") + "@localhost");
    }
}
