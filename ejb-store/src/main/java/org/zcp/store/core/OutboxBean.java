package org.zcp.store.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.mime.MimeToMapi;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.Outbox;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.OutgoingEntry;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.OutgoingRows;
import org.zcp.store.mapi.SendAs;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * The outgoing queue's store side ({@link Outbox}): the queue rows ({@link OutgoingRows}), the
 * messages in the Outbox, the send-as policy ({@link SendAs}) and what becomes of a message once
 * it is sent. SOAP's submit (access and quota checked there) and the spooler's generated mail both
 * queue through {@link #enqueue}; every entry that becomes due is announced as an
 * {@link Outbox.Due} event in the transaction that made it due.
 */
@ApplicationScoped
public class OutboxBean implements Outbox {
    private static final Logger LOG = Logger.getLogger(OutboxBean.class.getName());
    private static final Session MAIL_FLOW = Session.MAIL_FLOW;

    @Inject
    ObjectStore objects;

    @Inject
    StoreManager stores;

    @Inject
    MessageService messages;

    @Inject
    OutgoingRows rows;

    @Inject
    SendAs sendAs;

    @Inject
    Directory directory;

    @Inject
    Event<Outbox.Due> due;

    @Inject
    MailboxesBean mailboxes;

    @Override
    public Optional<Queued> lock(long entryId) {
        OutgoingEntry e = rows.lock(entryId);
        if (e == null) return Optional.empty();
        HierarchyObject msg = objects.find(e.objectId);
        if (msg == null || msg.deletedAt != null) {
            LOG.info("outgoing message " + e.objectId + " was deleted before it was sent");
            rows.remove(e);
            return Optional.empty();
        }
        return Optional.of(new Queued(e.id, objects.entryId(msg), msg.size, MailboxesBean.of(objects.store(msg.storeId)),
                e.submitterId, e.submitted, e.nextAttempt, e.rawMime == 1, e.envelopeFrom, e.rawSha256,
                e.remaining == null ? null : lines(e.remaining), e.attempts, e.lastError, e.sentSome == 1));
    }

    private static List<String> lines(String s) {
        return List.of(s.split("\n")).stream().filter(x -> !x.isBlank()).toList();
    }

    @Override
    public Message load(String messageId) {
        return messages.load(MAIL_FLOW, messageId);
    }

    @Override
    public byte[] attachment(String messageId, int attachNum) {
        MessageService.Content c = messages.attachment(MAIL_FLOW, messageId, attachNum);
        if (c.bytes() != null) return c.bytes();
        try {
            return java.nio.file.Files.readAllBytes(c.file());
        } catch (java.io.IOException x) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "attachment " + attachNum + ": " + x.getMessage());
        }
    }

    @Override
    public Sending sendingAs(long submitterId, MailStore store, Message message) {
        DirEntry submitter = directory.get(submitterId).orElse(null);
        if (submitter == null) return new Sending(null, null, "the submitting user is gone");
        SendAs.Decision d = sendAs.decide(submitter, objects.store(store.id()), message);
        if (!d.allowed()) return new Sending(null, null, d.refusal());
        return new Sending(party(d.from()), d.sender() == null ? null : party(d.sender()), null);
    }

    private static Party party(DirEntry u) {
        return new Party(u.fullName() == null || u.fullName().isBlank() ? u.name() : u.fullName(), u.email());
    }

    @Override
    public long queueGenerated(long ownerId, Message message, byte[] mimeText, String envelopeFrom,
            List<String> recipients) {
        StoreEntity store = stores.privateStoreOf(ownerId)
                .orElseThrow(() -> StoreException.notFound("user " + ownerId + " has no store"));
        message.props.removeIf(p -> p.tag == MimeToMapi.PR_EC_IMAP_EMAIL || p.tag == PropTag.PR_DELETE_AFTER_SUBMIT);
        message.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, mimeText));
        message.props.add(PropValue.ofBool(PropTag.PR_DELETE_AFTER_SUBMIT, true));
        String id = messages.create(MAIL_FLOW, special(store, FolderInfo.Special.OUTBOX), message, false);
        // review #18: what is sent is fixed now; the Outbox copy is the user's to look at, not to change
        OutgoingEntry e = enqueue(objects.resolve(id), Directory.SYSTEM_ID, true, envelopeFrom, Outbox.digest(mimeText));
        e.remaining = String.join("\n", recipients);
        return e.id;
    }

    /**
     * Queues a message (SOAP's submit after its checks, or mail the server made): a queue row, the
     * message marked as submitted, and the entry announced as due now.
     */
    public OutgoingEntry enqueue(HierarchyObject msg, long submitterId, boolean raw, String envelopeFrom,
            String rawSha256) {
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
        e.rawSha256 = rawSha256;
        rows.add(e);
        objects.setMessageFlags(msg, msg.msgFlags | PropTag.MSGFLAG_SUBMIT);
        due.fire(new Due(e.id, now));
        return e;
    }

    /** Takes a queued message back before it is sent (SOAP's abortSubmit); false when it is not queued. */
    public boolean dequeue(HierarchyObject msg) {
        OutgoingEntry e = rows.forMessage(msg.id);
        if (e == null) return false;
        rows.remove(e);
        objects.setMessageFlags(msg, msg.msgFlags & ~PropTag.MSGFLAG_SUBMIT);
        return true;
    }

    /** Whether a message waits in the queue. */
    public boolean queued(HierarchyObject msg) {
        return rows.forMessage(msg.id) != null;
    }

    @Override
    public void defer(long entryId, int attempts, long nextAttempt, List<String> remaining, String lastError,
            boolean sentSome) {
        OutgoingEntry e = entry(entryId);
        e.attempts = attempts;
        e.nextAttempt = nextAttempt;
        e.remaining = remaining == null ? null : String.join("\n", remaining);
        e.lastError = lastError != null && lastError.length() > 1000 ? lastError.substring(0, 1000) : lastError;
        e.sentSome = sentSome ? 1 : 0;
        due.fire(new Due(e.id, nextAttempt));
    }

    @Override
    public void finish(long entryId, boolean sent, long now) {
        OutgoingEntry e = entry(entryId);
        rows.remove(e);
        HierarchyObject msg = objects.find(e.objectId);
        if (msg == null || msg.deletedAt != null) return;
        if (!sent) {
            objects.setMessageFlags(msg, msg.msgFlags & ~PropTag.MSGFLAG_SUBMIT);
            return;
        }
        Map<Integer, PropValue> stored = objects.stored(msg.id);
        PropValue das = stored.get(PropTag.PR_DELETE_AFTER_SUBMIT);
        if (das != null && (Boolean.TRUE.equals(das.b) || das.l != null && das.l != 0)) {
            messages.delete(MAIL_FLOW, List.of(objects.entryId(msg)), true);
            return;
        }
        List<PropValue> props = new ArrayList<>();
        if (stored.get(PropTag.PR_CLIENT_SUBMIT_TIME) == null) {
            props.add(PropValue.ofTime(PropTag.PR_CLIENT_SUBMIT_TIME, now));
        }
        props.add(PropValue.ofTime(PropTag.PR_MESSAGE_DELIVERY_TIME, now));
        objects.setProps(msg, props);
        msg.msgFlags = (msg.msgFlags | PropTag.MSGFLAG_READ) & ~(PropTag.MSGFLAG_SUBMIT | PropTag.MSGFLAG_UNSENT);
        objects.journal(msg, ChangeEntry.MODIFY);
        objects.invalidate(msg.id);
        String sentItems = special(objects.store(msg.storeId), FolderInfo.Special.SENT);
        messages.copy(MAIL_FLOW, List.of(objects.entryId(msg)), sentItems, true);
    }

    @Override
    public void report(MailStore store, Message report) {
        messages.create(MAIL_FLOW, mailboxes.inbox(store), report, false);
    }

    @Override
    public List<Long> dueBefore(long time) {
        return rows.dueBefore(time);
    }

    @Override
    public List<Due> all() {
        return rows.all().stream().map(d -> new Due(d.id(), d.nextAttempt())).toList();
    }

    // ---- helpers ------------------------------------------------------------------------------

    private OutgoingEntry entry(long entryId) {
        OutgoingEntry e = rows.lock(entryId);
        if (e == null) throw StoreException.notFound("outgoing queue entry " + entryId);
        return e;
    }

    /** A special folder of the store (Outbox, Sent Items), as the store's root names it. */
    private String special(StoreEntity store, FolderInfo.Special role) {
        return mailboxes.specialFolder(MailboxesBean.of(store), role)
                .orElseThrow(() -> StoreException.notFound("special folder " + role));
    }

    /** A message of the store, live; MAPI_E_INVALID_PARAMETER otherwise. */
    public HierarchyObject message(String entryId) {
        HierarchyObject msg = objects.resolve(entryId);
        if (msg.type != ObjectType.MAPI_MESSAGE || msg.deletedAt != null) throw StoreException.invalid("not a message");
        return msg;
    }
}
