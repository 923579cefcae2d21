package org.zcp.store.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.Mailboxes;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.cache.OofCache;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.AutoReplyLog;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * The mail flow's door into the store ({@link Mailboxes}): a CDI bean, so its calls are plain
 * method calls inside the delivery's (or archiving's) own transaction; messages are written by
 * {@link MessageService} and folders made by {@link FolderService} as the mail flow's identity,
 * exactly as SOAP's writes are, so quota, journal, change events and the folder index see a
 * delivery as any other new message.
 */
@ApplicationScoped
public class MailboxesBean implements Mailboxes {
    /** The mail flow works as the internal SYSTEM user (full access to every store). */
    private static final Session MAIL_FLOW = Session.MAIL_FLOW;

    @Inject
    ObjectStore objects;

    @Inject
    StoreManager stores;

    @Inject
    MessageService messages;

    @Inject
    FolderService folders;

    @Inject
    AutoReplyLog replies;

    @Inject
    OofCache oofCache;

    static MailStore of(StoreEntity s) {
        return new MailStore(s.id, s.guid, s.userId, s.type == StoreEntity.PUBLIC);
    }

    @Override
    public Optional<MailStore> privateStore(long userId) {
        return stores.privateStoreOf(userId).map(MailboxesBean::of);
    }

    @Override
    public Optional<MailStore> publicStore(long companyId) {
        return stores.publicStoreOf(companyId).map(MailboxesBean::of);
    }

    @Override
    public MailStore storeOf(String entryId) {
        return of(objects.store(objects.resolve(entryId).storeId));
    }

    @Override
    public String inbox(MailStore store) {
        long inbox = stores.receiveFolder(store.id(), "IPM").orElseThrow(() -> StoreException.notFound("Inbox"));
        return objects.entryId(store.id(), inbox);
    }

    @Override
    public Optional<String> specialFolder(MailStore store, FolderInfo.Special role) {
        Map<Long, FolderInfo.Special> roles = FolderTreeBean.special(objects, stores, objects.store(store.id()));
        for (Map.Entry<Long, FolderInfo.Special> e : roles.entrySet()) {
            if (e.getValue() == role) return Optional.of(objects.entryId(store.id(), e.getKey()));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> folderAt(MailStore store, List<String> names, boolean create) {
        HierarchyObject cur = stores.ipmSubtree(objects.store(store.id()));
        for (String name : names) {
            if (name == null || name.isBlank()) continue;
            HierarchyObject next = null;
            for (HierarchyObject f : objects.children(cur.id, ObjectType.MAPI_FOLDER, false)) {
                if (name.equalsIgnoreCase(f.displayName)) {
                    next = f;
                    break;
                }
            }
            if (next == null) {
                if (!create) return Optional.empty();
                next = objects.resolve(folders.create(MAIL_FLOW, objects.entryId(cur), name, "IPF.Note", true));
            }
            cur = next;
        }
        return Optional.of(objects.entryId(cur));
    }

    @Override
    public boolean isLiveFolder(MailStore store, String entryId) {
        return objects.liveFolderOf(store.id(), entryId) != null;
    }

    @Override
    public String displayName(String folderId) {
        return objects.resolve(folderId).displayName;
    }

    @Override
    public String create(String folderId, Message message) {
        return messages.create(MAIL_FLOW, folderId, message, false);
    }

    @Override
    public List<String> copy(List<String> messageIds, String folderId, boolean move) {
        return messages.copy(MAIL_FLOW, messageIds, folderId, move);
    }

    @Override
    public void changeFlags(String messageId, int set, int clear) {
        HierarchyObject m = objects.resolve(messageId);
        objects.setMessageFlags(m, (m.msgFlags | set) & ~clear);
    }

    /**
     * The delivery asks while it holds its store's row lock (taken by the journal entry of its new
     * message, kept until commit; taken here again, which costs nothing then), so every earlier
     * delivery of the same Message-ID to the store has committed, and a plain read sees it: the
     * datasource runs at READ COMMITTED, where every statement reads what is committed when it
     * starts. Never a locking read: that would wait for the rows of deliveries still writing theirs
     * (InnoDB next-key locks) while they wait for the store lock, a deadlock that LmtpIT's parallel
     * duplicates showed on MariaDB. An unsent copy (a rule's redirect waiting in the Outbox keeps
     * the Message-ID) is not a delivered one.
     */
    @Override
    public Optional<String> deliveredBefore(MailStore store, String internetMessageId, long since, String self) {
        long selfId = self == null ? 0 : EntryIds.parse(self).objectId();
        objects.lockFresh(StoreEntity.class, store.id());
        return objects.messagesWithId(store.id(), internetMessageId, since).stream()
                .filter(h -> h.id != selfId && (h.msgFlags & PropTag.MSGFLAG_UNSENT) == 0).findFirst()
                .map(objects::entryId);
    }

    /**
     * The five properties only, as plain values (a store's root also keeps large settings:
     * WebAccess, free/busy ids), kept between deliveries until one of them is written.
     */
    @Override
    public Map<Integer, PropValue> outOfOffice(MailStore store) {
        long root = objects.store(store.id()).hierarchyId;
        return oofCache.get(root, () -> objects.read(List.of(root), new ArrayList<>(OofCache.TAGS))
                .getOrDefault(root, Map.of()));
    }

    @Override
    public boolean claimReply(long storeId, String address, long now, long limitSeconds) {
        return replies.claim(storeId, address, now, limitSeconds);
    }
}
