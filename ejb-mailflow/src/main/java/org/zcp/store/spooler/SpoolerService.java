package org.zcp.store.spooler;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.protocols.smtp.SmtpReply;
import org.zcp.protocols.smtp.SmtpTransaction;
import org.zcp.store.MemoryBudget;
import org.zcp.store.StoreException;
import org.zcp.store.api.Mailboxes;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.Outbox;
import org.zcp.store.api.Outbox.Queued;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Directory;
import org.zcp.store.pipeline.Outbound;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Pipelines;
import org.zcp.store.pipeline.Reports;

/**
 * The spooler (manual 4.9): a submitted message waits in the Outbox with an entry in the outgoing
 * queue ({@link Outbox}, the store's side), is converted to MIME, runs the spooler pipeline
 * (spooler-mailetcontainer.xml: plugins, and last the SMTP relay to smtp_server) and then goes to
 * Sent Items. Recipients the relay refuses for good get an "Undeliverable" report in the sender's
 * Inbox; temporary refusals are retried with back-off until retry_lifetime has passed. A client of
 * the store API: the queue, the messages and the send-as policy are the store's.
 */
@Stateless
@LocalBean
@Local(Outbound.class) // the pipelines' port to the spooler, beside the no-interface view
public class SpoolerService implements Outbound {
    private static final Logger LOG = Logger.getLogger(SpoolerService.class.getName());
    static final long MAX_BACKOFF_MS = 60L * 60 * 1000;

    @Inject
    Outbox outbox;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Directory directory;

    @Inject
    SpoolerQueue queue;

    @Inject
    ServerSettings settings;

    @Inject
    Pipelines pipelines;

    @Inject
    org.zcp.store.archive.ArchiveService archives;

    // ---- generated mail -------------------------------------------------------------------------

    /** Mail made by a pipeline (autoreply, forward, bounce): into the owner's Outbox, sent as it is. */
    @Override
    public void submit(long ownerId, MaybeSender envelopeFrom, List<String> recipients, MimeMessage message)
            throws MessagingException {
        if (mailboxes.privateStore(ownerId).isEmpty()) throw new MessagingException("user " + ownerId + " has no store");
        byte[] text = MapiToMime.toBytes(message);
        Message m = MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(text)), System.currentTimeMillis());
        m.recipients = new ArrayList<>();
        for (String r : recipients) {
            Recipient rc = new Recipient();
            rc.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, r));
            rc.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, r));
            rc.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, r));
            rc.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
            rc.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, PropTag.MAPI_TO));
            m.recipients.add(rc);
        }
        m.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_FLAGS);
        outbox.queueGenerated(ownerId, m, text, envelopeFrom.isNullSender() ? "" : envelopeFrom.asString(),
                MapiToMime.envelopeRecipients(m));
    }

    /** The queue's signal: an entry that became due (queued or deferred) in the transaction now running. */
    public void due(@jakarta.enterprise.event.Observes Outbox.Due due) {
        queue.signal(due.id(), Math.max(0, due.nextAttempt() - System.currentTimeMillis()));
    }

    // ---- sending ------------------------------------------------------------------------------

    /** One attempt at sending queue entry {@code entryId} (called by the spooler's workers). */
    public void process(long entryId) {
        Queued e = outbox.lock(entryId).orElse(null);
        long now = System.currentTimeMillis();
        if (e == null || now < e.nextAttempt() - 1000) return; // done, or a duplicate signal came early
        // the whole message is held in memory from conversion until the relay has it (review 7);
        // one that can never fit is not held but reported undeliverable by send
        long need = MemoryBudget.conversionBytes(e.size());
        boolean fits = MemoryBudget.fits(need);
        try (var held = fits ? MemoryBudget.reserve(need, "an outgoing message") : null) {
            send(e, now, fits);
        }
    }

    private void send(Queued e, long now, boolean fits) {
        MailStore store = e.store();
        long owner = store.isPublic() ? 0 : store.ownerId();
        if (owner != 0 && directory.get(owner).isEmpty()) owner = 0;
        String entryId = e.messageId();
        Message m = outbox.load(entryId);
        Outgoing out;
        try {
            if (!fits) {
                throw new Refused("the message (" + e.size() / (1024 * 1024) + " MB) is larger than this server can send");
            }
            out = e.raw() ? raw(m, e) : convert(m, e);
        } catch (Refused r) {
            LOG.warning("message " + entryId + " not sent: " + r.getMessage());
            Map<String, String> all = new LinkedHashMap<>();
            for (String rcpt : MapiToMime.envelopeRecipients(m)) all.put(rcpt, r.getMessage());
            undeliverable(store, m, null, all);
            outbox.finish(e.id(), false, now);
            return;
        } catch (MessagingException x) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "cannot convert message " + entryId + ": " + x);
        }
        if (!e.raw() && e.attempts() == 0 && e.remaining() == null && owner != 0
                && settings.spooler().getBool("archive_on_send")) {
            try {
                archives.archiveApart(owner, entryId, "Sent Items", true);
            } catch (RuntimeException x) {
                // manual 6.7.2: a message that cannot be archived is not sent; the user hears why
                LOG.log(Level.WARNING, "message " + entryId + " not sent: archiving failed", x);
                Map<String, String> all = new LinkedHashMap<>();
                for (String rcpt : out.recipients) all.put(rcpt, "not sent: the message could not be archived ("
                        + x.getMessage() + ")");
                undeliverable(store, m, out.bytes, all);
                outbox.finish(e.id(), false, now);
                return;
            }
        }
        List<String> recipients = e.remaining() == null ? out.recipients : e.remaining();
        Map<String, SmtpReply> outcome = relay(out, recipients, owner == 0 ? Directory.SYSTEM_ID : owner);
        List<String> accepted = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        boolean expired = now - e.submitted() > settings.spooler().getInt("retry_lifetime") * 1000L;
        String lastError = e.lastError();
        for (String r : recipients) {
            SmtpReply reply = outcome.get(r);
            if (reply != null && reply.positive()) {
                accepted.add(r);
            } else if (reply != null && reply.permanentFailure()) {
                failed.put(r, reply.toString());
            } else if (expired) {
                failed.put(r, "gave up after " + (e.attempts() + 1) + " attempts; last error: "
                        + (reply == null ? e.lastError() : reply.toString()));
            } else {
                retry.add(r);
                lastError = reply == null ? lastError : reply.toString();
            }
        }
        if (!accepted.isEmpty()) LOG.info("message " + entryId + " sent to " + String.join(", ", accepted));
        if (!failed.isEmpty()) {
            LOG.warning("message " + entryId + " undeliverable: " + String.join("; ", Reports.lines(failed)));
            if (!e.raw()) undeliverable(store, m, out.bytes, failed);
        }
        if (!retry.isEmpty()) {
            int attempts = e.attempts() + 1;
            long delay = Math.min(MAX_BACKOFF_MS,
                    Math.max(1, settings.spooler().getInt("retry_delay")) * 1000L << Math.min(20, attempts - 1));
            // at the default log_level (2, errors) too: mail that does not leave is the administrator's business
            LOG.severe("message " + entryId + " deferred for " + String.join(", ", retry) + " (" + lastError
                    + "); attempt " + attempts + ", next in " + delay / 1000 + " s");
            outbox.defer(e.id(), attempts, now + delay, retry, lastError, e.sentSome() || !accepted.isEmpty());
            return;
        }
        outbox.finish(e.id(), !accepted.isEmpty() || e.sentSome(), now);
    }

    /** What goes over SMTP: the MIME text, the envelope sender and recipients. */
    record Outgoing(byte[] bytes, String envelopeFrom, List<String> recipients) {
    }

    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /**
     * A generated message as it was generated: its text only while it has the hash kept in the queue
     * entry, its recipients from the entry (security review #18: the Outbox copy is the user's).
     */
    static Outgoing raw(Message m, Queued e) throws Refused {
        byte[] text = PropValues.binary(m.props, MimeToMapi.PR_EC_IMAP_EMAIL);
        if (text == null) throw new Refused("the generated message has no MIME text");
        if (e.rawSha256() != null && !java.security.MessageDigest.isEqual(
                e.rawSha256().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                Outbox.digest(text).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new Refused("the generated message was changed in the Outbox after it was queued: not sent");
        }
        List<String> recipients = e.rawSha256() != null && e.remaining() != null ? e.remaining()
                : MapiToMime.envelopeRecipients(m);
        return new Outgoing(text, e.envelopeFrom() == null ? "" : e.envelopeFrom(), recipients);
    }

    private Outgoing convert(Message m, Queued e) throws Refused, MessagingException {
        Outbox.Sending d = outbox.sendingAs(e.submitterId(), e.store(), m);
        if (!d.allowed()) throw new Refused(d.refusal());
        MapiToMime.Sender sender = new MapiToMime.Sender(d.from().name(), d.from().address(),
                d.sender() == null ? null : d.sender().name(), d.sender() == null ? null : d.sender().address());
        String entryId = e.messageId();
        byte[] bytes;
        try {
            bytes = MapiToMime.toBytes(MapiToMime.convert(m, sender, new MapiToMime.Options(domain(d.from().address()),
                    false, n -> outbox.attachment(entryId, n))));
        } catch (IllegalStateException x) {
            // what the message holds does not make MIME: the user hears why instead of a retry for ever
            LOG.log(Level.WARNING, "message " + entryId + " cannot be converted to MIME", x);
            throw new Refused("the message cannot be converted to Internet mail: " + x.getMessage());
        }
        return new Outgoing(bytes, d.from().address(), MapiToMime.envelopeRecipients(m));
    }

    private static String domain(String address) {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "localhost" : address.substring(at + 1);
    }

    /** Runs the spooler pipeline; the relay's answer per recipient (none: a connection failure). */
    private Map<String, SmtpReply> relay(Outgoing out, List<String> recipients, long ownerId) {
        Mail mail;
        try {
            MailImpl.Builder b = MailImpl.builder().name("spool-" + UUID.randomUUID())
                    .sender(out.envelopeFrom.isEmpty() ? MaybeSender.nullSender()
                            : MaybeSender.getMailSender(out.envelopeFrom))
                    .mimeMessage(MimeToMapi.parse(new ByteArrayInputStream(out.bytes)))
                    .addAttribute(new Attribute(MailAttributes.USER, AttributeValue.of(ownerId)));
            for (String r : recipients) b.addRecipient(new MailAddress(r));
            mail = b.build();
            PipelineContext.runFor(ownerId, () -> pipelines.spooler().service(mail));
        } catch (MessagingException x) {
            return failure(recipients, x);
        }
        var result = mail.getAttribute(MailAttributes.SMTP_OUTCOME).map(a -> a.getValue().value()).orElse(null);
        if (result instanceof SmtpTransaction.Result r) return r.perRecipient();
        Object error = mail.getAttribute(Mail.MAILET_ERROR).map(a -> a.getValue().value()).orElse(null);
        if (error instanceof Throwable t) return failure(recipients, t);
        LOG.warning("the spooler pipeline sent nothing (state " + mail.getState() + "); retrying later");
        return Map.of();
    }

    private Map<String, SmtpReply> failure(List<String> recipients, Throwable t) {
        String host = settings.spooler().get("smtp_server") + ":" + settings.spooler().getInt("smtp_port");
        LOG.log(Level.WARNING, "cannot send through " + host + ": " + t.getMessage());
        Map<String, SmtpReply> out = new LinkedHashMap<>();
        SmtpReply reply = t instanceof org.zcp.protocols.smtp.SmtpException se && se.reply() != null ? se.reply()
                : new SmtpReply(451, "4.4.1", "cannot reach " + host + ": " + t.getMessage());
        for (String r : recipients) out.put(r, reply);
        return out;
    }

    private void undeliverable(MailStore store, Message m, byte[] original, Map<String, String> failed) {
        if (store.ownerId() == 0 || store.isPublic()) return;
        try {
            MimeMessage report = Reports.undeliverable(original, PropValues.string(m.props, PropTag.PR_SUBJECT), failed,
                    settings.get("system_email_address"), settings.get("server_hostname").isBlank() ? "localhost"
                            : settings.get("server_hostname"));
            Message ndr = MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(MapiToMime.toBytes(report))),
                    System.currentTimeMillis());
            ndr.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_CLASS);
            ndr.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "REPORT.IPM.Note.NDR"));
            outbox.report(store, ndr);
        } catch (MessagingException | RuntimeException x) {
            LOG.log(Level.WARNING, "cannot write the Undeliverable report", x);
        }
    }

    // ---- the queue ----------------------------------------------------------------------------

    /** Entries whose time has come and nobody signalled (at start, or a lost signal). */
    public List<Long> overdue(long graceMillis) {
        return outbox.dueBefore(System.currentTimeMillis() - graceMillis);
    }

    public void resignal(long entryId) {
        queue.signal(entryId, 0);
    }

    /** At start: every queued entry is signalled for its time (signals do not outlive a restart). */
    public int resumeAll() {
        long now = System.currentTimeMillis();
        List<Outbox.Due> due = outbox.all();
        for (Outbox.Due d : due) queue.signal(d.id(), Math.max(0, d.nextAttempt() - now));
        return due.size();
    }
}
