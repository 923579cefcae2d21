package org.zcp.store.core;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.Rights;
import org.zcp.mime.MapiToMime;
import org.zcp.store.StoreException;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.QuotaStatus;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.Access.Action;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.QuotaService;
import org.zcp.store.mapi.SendAs;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * SOAP's submitMessage, abortSubmit and isMessageInQueue (manual 4.9): a client puts a message of
 * its Outbox into the outgoing queue, or takes it back. Checked here, for the session's user:
 * edit rights on the message, the quota of the store's owner (over the soft quota nothing is
 * sent, manual 4.12), recipients, and the right to send as the message's From (8.3.5). The
 * spooler then sends it ({@link OutboxBean} is the queue both use).
 */
@Stateless
public class SubmitService {
    @Inject
    OutboxBean outbox;

    @Inject
    ObjectStore objects;

    @Inject
    StoreManager stores;

    @Inject
    MessageService messages;

    @Inject
    Directory directory;

    @Inject
    Access access;

    @Inject
    QuotaService quota;

    @Inject
    SendAs sendAs;

    /** SOAP submitMessage: queue a message of the session's user for sending. */
    public void submit(Session s, String messageEntryId) {
        HierarchyObject msg = outbox.message(messageEntryId);
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
        outbox.enqueue(msg, submitter.id(), false, null, null);
    }

    /** SOAP abortSubmit: take a message out of the queue before it is sent. */
    public void abort(Session s, String messageEntryId) {
        HierarchyObject msg = outbox.message(messageEntryId);
        access.check(s, msg.id, Action.EDIT, Rights.EDIT_ANY);
        if (!outbox.dequeue(msg)) throw StoreException.notFound("the message is not in the outgoing queue");
    }

    /** SOAP isMessageInQueue. */
    public boolean queued(Session s, String messageEntryId) {
        HierarchyObject msg = outbox.message(messageEntryId);
        access.check(s, msg.id, Action.READ, Rights.READ_ANY);
        return outbox.queued(msg);
    }
}
