package org.zcp.store.spooler;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
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
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.Recipient;
import org.zcp.protocols.smtp.SmtpReply;
import org.zcp.protocols.smtp.SmtpTransaction;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.delivery.MailboxWriter;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.OutgoingEntry;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.MemoryBudget;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.OutgoingRows;
import org.zcp.store.mapi.QuotaService;
import org.zcp.store.mapi.StoreManager;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.Outbound;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Pipelines;
import org.zcp.store.pipeline.Reports;
import org.zcp.store.session.Session;

/**
 * The spooler (manual 4.9): a submitted message waits in the Outbox with a row in outgoingqueue,
 * is converted to MIME, runs the spooler pipeline (spooler-mailetcontainer.xml: plugins, and last
 * the SMTP relay to smtp_server) and then goes to Sent Items. Recipients the relay refuses for
 * good get an "Undeliverable" report in the sender's Inbox; temporary refusals are retried with
 * back-off until retry_lifetime has passed.
 */
@Stateless
@LocalBean
@Local(Outbound.class) // the pipelines' port to the spooler, beside the no-interface view
public class SpoolerService implements Outbound {
    private static final Logger LOG = Logger.getLogger(SpoolerService.class.getName());
    static final long MAX_BACKOFF_MS = 60L * 60 * 1000;

    @Inject
    ObjectStore objects;

    @Inject
    MessageService messages;

    @Inject
    StoreManager stores;

    @Inject
    Directory directory;

    @Inject
    Access access;

    @Inject
    QuotaService quota;

    @Inject
    SendAs sendAs;

    @Inject
    SpoolerQueue queue;

    @Inject
    OutgoingRows rows;

    @Inject
    ServerSettings settings;

    @Inject
    MailboxWriter mailbox;

    @Inject
    Pipelines pipelines;

    @Inject
    org.zcp.store.archive.ArchiveService archives;

    // ---- submit -------------------------------------------------------------------------------

    /** SOAP submitMessage: queue a message of the session's user for sending. */
    public void submit(Session s, String messageEntryId) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.EDIT, Rights.EDIT_ANY);
        StoreEntity store = objects.store(msg.storeId);
        DirEntry submitter = directory.require(s.userId());
        DirEntry payer = store.type != StoreEntity.PUBLIC && store.userId != 0 ? directory.get(store.userId)
                .orElse(submitter) : submitter;
        String level = quota.status(stores.privateStoreOf(payer.id()).orElse(store)).status;
        if (QuotaStatus.SOFT.equals(level) || QuotaStatus.HARD.equals(level)) {
            throw new StoreException(MapiError.MAPI_E_STORE_FULL, "the store of " + payer.name()
                    + " is over its quota: sending is not allowed until items are deleted");
        }
        Message m = messages.load(s, messageEntryId);
        if (MapiToMime.envelopeRecipients(m).isEmpty()) throw StoreException.invalid("the message has no recipients");
        SendAs.Decision d = sendAs.decide(submitter, store, m);
        if (!d.allowed()) throw new StoreException(MapiError.MAPI_E_NO_ACCESS, d.refusal());
        enqueue(msg, submitter.id(), false, null);
    }

    /** SOAP abortSubmit: take a message out of the queue before it is sent. */
    public void abort(Session s, String messageEntryId) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.EDIT, Rights.EDIT_ANY);
        OutgoingEntry e = rows.forMessage(msg.id);
        if (e == null) throw StoreException.notFound("the message is not in the outgoing queue");
        rows.remove(e);
        setFlags(msg, msg.msgFlags & ~PropTag.MSGFLAG_SUBMIT);
    }

    public boolean queued(Session s, String messageEntryId) {
        HierarchyObject msg = message(messageEntryId);
        access.check(s, msg.id, Action.READ, Rights.READ_ANY);
        return rows.forMessage(msg.id) != null;
    }

    /** Mail made by a pipeline (autoreply, forward, bounce): into the owner's Outbox, sent as it is. */
    @Override
    public void submit(long ownerId, MaybeSender envelopeFrom, List<String> recipients, MimeMessage message)
            throws MessagingException {
        StoreEntity store = stores.privateStoreOf(ownerId)
                .orElseThrow(() -> new MessagingException("user " + ownerId + " has no store"));
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
        m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text));
        m.props.add(PropValue.ofBool(PropTag.PR_DELETE_AFTER_SUBMIT, true));
        String id = messages.create(Session.MAIL_FLOW, folder(store, PropTag.PR_IPM_OUTBOX_ENTRYID), m, false);
        OutgoingEntry e = enqueue(objects.resolve(id), Directory.SYSTEM_ID, true, envelopeFrom.isNullSender() ? ""
                : envelopeFrom.asString());
        // review #18: what is sent is fixed now; the Outbox copy is the user's to look at, not to change
        e.rawSha256 = sha256(text);
        e.remaining = String.join("\n", MapiToMime.envelopeRecipients(m));
    }

    static String sha256(byte[] text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(text));
        } catch (java.security.NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }

    private OutgoingEntry enqueue(HierarchyObject msg, long submitterId, boolean raw, String envelopeFrom) {
        if (rows.forMessage(msg.id) != null) throw StoreException.collision("the message is already submitted");
        long now = System.currentTimeMillis();
        OutgoingEntry e = new OutgoingEntry();
        e.storeId = msg.storeId;
        e.objectId = msg.id;
        e.submitterId = submitterId;
        e.submitted = now;
        e.nextAttempt = now;
        e.rawMime = raw ? 1 : 0;
        e.envelopeFrom = envelopeFrom;
        rows.add(e);
        setFlags(msg, msg.msgFlags | PropTag.MSGFLAG_SUBMIT);
        queue.signal(e.id, 0);
        return e;
    }

    // ---- sending ------------------------------------------------------------------------------

    /** One attempt at sending queue entry {@code entryId} (called by the spooler's workers). */
    public void process(long entryId) {
        OutgoingEntry e = rows.lock(entryId);
        long now = System.currentTimeMillis();
        if (e == null || now < e.nextAttempt - 1000) return; // done, or a duplicate signal came early
        HierarchyObject msg = objects.find(e.objectId);
        if (msg == null || msg.deletedAt != null) {
            LOG.info("outgoing message " + e.objectId + " was deleted before it was sent");
            rows.remove(e);
            return;
        }
        // the whole message is held in memory from conversion until the relay has it (review 7);
        // one that can never fit is not held but reported undeliverable by send
        long need = MemoryBudget.conversionBytes(msg.size);
        boolean fits = MemoryBudget.fits(need);
        try (var held = fits ? MemoryBudget.reserve(need, "an outgoing message") : null) {
            send(e, msg, now, fits);
        }
    }

    private void send(OutgoingEntry e, HierarchyObject msg, long now, boolean fits) {
        StoreEntity store = objects.store(msg.storeId);
        DirEntry owner = store.userId != 0 ? directory.get(store.userId).orElse(null) : null;
        String entryIdHex = objects.entryId(msg);
        Message m = messages.load(Session.MAIL_FLOW, entryIdHex);
        Outgoing out;
        try {
            if (!fits) {
                throw new Refused("the message (" + msg.size / (1024 * 1024) + " MB) is larger than this server can send");
            }
            out = e.rawMime == 1 ? raw(m, e) : convert(m, e, store);
        } catch (Refused r) {
            LOG.warning("message " + entryIdHex + " not sent: " + r.getMessage());
            Map<String, String> all = new LinkedHashMap<>();
            for (String rcpt : MapiToMime.envelopeRecipients(m)) all.put(rcpt, r.getMessage());
            undeliverable(store, m, null, all);
            finish(e, msg, false, m);
            return;
        } catch (MessagingException x) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "cannot convert message " + entryIdHex + ": " + x);
        }
        if (e.rawMime == 0 && e.attempts == 0 && e.remaining == null && owner != null
                && settings.spooler().getBool("archive_on_send")) {
            try {
                archives.archiveApart(owner.id(), entryIdHex, "Sent Items", true);
            } catch (RuntimeException x) {
                // manual 6.7.2: a message that cannot be archived is not sent; the user hears why
                LOG.log(Level.WARNING, "message " + entryIdHex + " not sent: archiving failed", x);
                Map<String, String> all = new LinkedHashMap<>();
                for (String rcpt : out.recipients) all.put(rcpt, "not sent: the message could not be archived ("
                        + x.getMessage() + ")");
                undeliverable(store, m, out.bytes, all);
                finish(e, msg, false, m);
                return;
            }
        }
        List<String> recipients = e.remaining == null ? out.recipients
                : List.of(e.remaining.split("\n")).stream().filter(x -> !x.isBlank()).toList();
        Map<String, SmtpReply> outcome = relay(out, recipients, owner == null ? Directory.SYSTEM_ID : owner.id());
        List<String> accepted = new ArrayList<>();
        List<String> retry = new ArrayList<>();
        Map<String, String> failed = new LinkedHashMap<>();
        boolean expired = now - e.submitted > settings.spooler().getInt("retry_lifetime") * 1000L;
        for (String r : recipients) {
            SmtpReply reply = outcome.get(r);
            if (reply != null && reply.positive()) {
                accepted.add(r);
            } else if (reply != null && reply.permanentFailure()) {
                failed.put(r, reply.toString());
            } else if (expired) {
                failed.put(r, "gave up after " + (e.attempts + 1) + " attempts; last error: "
                        + (reply == null ? e.lastError : reply.toString()));
            } else {
                retry.add(r);
                e.lastError = reply == null ? e.lastError : reply.toString();
            }
        }
        if (!accepted.isEmpty()) LOG.info("message " + entryIdHex + " sent to " + String.join(", ", accepted));
        if (!failed.isEmpty()) {
            LOG.warning("message " + entryIdHex + " undeliverable: " + String.join("; ", Reports.lines(failed)));
            if (e.rawMime == 0) undeliverable(store, m, out.bytes, failed);
        }
        if (!retry.isEmpty()) {
            e.attempts++;
            long delay = Math.min(MAX_BACKOFF_MS,
                    Math.max(1, settings.spooler().getInt("retry_delay")) * 1000L << Math.min(20, e.attempts - 1));
            e.nextAttempt = now + delay;
            e.remaining = String.join("\n", retry);
            if (e.lastError != null && e.lastError.length() > 1000) e.lastError = e.lastError.substring(0, 1000);
            // at the default log_level (2, errors) too: mail that does not leave is the administrator's business
            LOG.severe("message " + entryIdHex + " deferred for " + String.join(", ", retry) + " (" + e.lastError
                    + "); attempt " + e.attempts + ", next in " + delay / 1000 + " s");
            if (!accepted.isEmpty()) e.sentSome = 1;
            queue.signal(e.id, delay);
            return;
        }
        finish(e, msg, !accepted.isEmpty() || e.sentSome == 1, m);
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
     * row, its recipients from the row (security review #18: the Outbox copy is the user's).
     */
    static Outgoing raw(Message m, OutgoingEntry e) throws Refused {
        byte[] text = PropValues.binary(m.props, MimeToMapi.PR_EC_IMAP_EMAIL);
        if (text == null) throw new Refused("the generated message has no MIME text");
        if (e.rawSha256 != null && !java.security.MessageDigest.isEqual(
                e.rawSha256.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                sha256(text).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new Refused("the generated message was changed in the Outbox after it was queued: not sent");
        }
        List<String> recipients = e.rawSha256 != null && e.remaining != null
                ? List.of(e.remaining.split("\n")).stream().filter(x -> !x.isBlank()).toList()
                : MapiToMime.envelopeRecipients(m);
        return new Outgoing(text, e.envelopeFrom == null ? "" : e.envelopeFrom, recipients);
    }

    private Outgoing convert(Message m, OutgoingEntry e, StoreEntity store) throws Refused, MessagingException {
        DirEntry submitter = directory.get(e.submitterId).orElseThrow(() -> new Refused("the submitting user is gone"));
        SendAs.Decision d = sendAs.decide(submitter, store, m);
        if (!d.allowed()) throw new Refused(d.refusal());
        MapiToMime.Sender sender = new MapiToMime.Sender(display(d.from()), d.from().email(),
                d.sender() == null ? null : display(d.sender()), d.sender() == null ? null : d.sender().email());
        String entryId = objects.entryId(objects.find(e.objectId));
        byte[] bytes;
        try {
            bytes = MapiToMime.toBytes(MapiToMime.convert(m, sender, new MapiToMime.Options(domain(d.from().email()),
                    false, n -> attachment(entryId, n))));
        } catch (IllegalStateException x) {
            // what the message holds does not make MIME: the user hears why instead of a retry for ever
            LOG.log(Level.WARNING, "message " + entryId + " cannot be converted to MIME", x);
            throw new Refused("the message cannot be converted to Internet mail: " + x.getMessage());
        }
        return new Outgoing(bytes, d.from().email(), MapiToMime.envelopeRecipients(m));
    }

    private byte[] attachment(String messageEntryId, int attachNum) {
        MessageService.Content c = messages.attachment(Session.MAIL_FLOW, messageEntryId, attachNum);
        if (c.bytes() != null) return c.bytes();
        try {
            return java.nio.file.Files.readAllBytes(c.file());
        } catch (java.io.IOException x) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "attachment " + attachNum + ": " + x.getMessage());
        }
    }

    private static String display(DirEntry u) {
        return u.fullName() == null || u.fullName().isBlank() ? u.name() : u.fullName();
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

    /** Sent (or given up): out of the queue, into Sent Items or removed; a failed one stays in the Outbox. */
    private void finish(OutgoingEntry e, HierarchyObject msg, boolean sent, Message m) {
        rows.remove(e);
        long now = System.currentTimeMillis();
        if (!sent) {
            setFlags(msg, msg.msgFlags & ~PropTag.MSGFLAG_SUBMIT);
            return;
        }
        PropValue das = PropValues.find(m.props, PropTag.PR_DELETE_AFTER_SUBMIT);
        if (das != null && Boolean.TRUE.equals(das.b)) {
            messages.delete(Session.MAIL_FLOW, List.of(objects.entryId(msg)), true);
            return;
        }
        List<PropValue> props = new ArrayList<>();
        if (PropValues.find(m.props, PropTag.PR_CLIENT_SUBMIT_TIME) == null) {
            props.add(PropValue.ofTime(PropTag.PR_CLIENT_SUBMIT_TIME, now));
        }
        props.add(PropValue.ofTime(PropTag.PR_MESSAGE_DELIVERY_TIME, now));
        objects.setProps(msg, props);
        msg.msgFlags = (msg.msgFlags | PropTag.MSGFLAG_READ) & ~(PropTag.MSGFLAG_SUBMIT | PropTag.MSGFLAG_UNSENT);
        objects.journal(msg, ChangeEntry.MODIFY);
        objects.invalidate(msg.id);
        StoreEntity store = objects.store(msg.storeId);
        String sentItems = folder(store, PropTag.PR_IPM_SENTMAIL_ENTRYID);
        messages.copy(Session.MAIL_FLOW, List.of(objects.entryId(msg)), sentItems, true);
    }

    private void undeliverable(StoreEntity store, Message m, byte[] original, Map<String, String> failed) {
        if (store.userId == 0 || store.type == StoreEntity.PUBLIC) return;
        try {
            MimeMessage report = Reports.undeliverable(original, PropValues.string(m.props, PropTag.PR_SUBJECT), failed,
                    settings.get("system_email_address"), settings.get("server_hostname").isBlank() ? "localhost"
                            : settings.get("server_hostname"));
            Message ndr = MimeToMapi.convert(MimeToMapi.parse(new ByteArrayInputStream(MapiToMime.toBytes(report))),
                    System.currentTimeMillis());
            ndr.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_CLASS);
            ndr.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "REPORT.IPM.Note.NDR"));
            messages.create(Session.MAIL_FLOW, mailbox.inboxId(store), ndr, false);
        } catch (MessagingException | RuntimeException x) {
            LOG.log(Level.WARNING, "cannot write the Undeliverable report", x);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private String folder(StoreEntity store, int tag) {
        PropValue v = objects.stored(store.hierarchyId).get(tag);
        if (v == null || v.bin == null) throw StoreException.notFound("special folder " + PropTag.hex(tag));
        return HexFormat.of().withUpperCase().formatHex(v.bin);
    }

    private HierarchyObject message(String entryId) {
        HierarchyObject msg = objects.resolve(entryId);
        if (msg.type != ObjectType.MAPI_MESSAGE || msg.deletedAt != null) throw StoreException.invalid("not a message");
        return msg;
    }

    private void setFlags(HierarchyObject msg, int flags) {
        if (flags == msg.msgFlags) return;
        msg.msgFlags = flags;
        objects.journal(msg, ChangeEntry.FLAGS);
        objects.invalidate(msg.id);
    }

    /** Entries whose time has come and nobody signalled (at start, or a lost signal). */
    public List<Long> overdue(long graceMillis) {
        return rows.dueBefore(System.currentTimeMillis() - graceMillis);
    }

    public void resignal(long entryId) {
        queue.signal(entryId, 0);
    }

    /** At start: every queued entry is signalled for its time (signals do not outlive a restart). */
    public int resumeAll() {
        long now = System.currentTimeMillis();
        List<OutgoingRows.Due> due = rows.all();
        for (OutgoingRows.Due d : due) queue.signal(d.id(), Math.max(0, d.nextAttempt() - now));
        return due.size();
    }
}
