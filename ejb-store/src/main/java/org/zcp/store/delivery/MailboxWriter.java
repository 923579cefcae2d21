package org.zcp.store.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.PropValues;
import org.zcp.store.StoreException;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.Features;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.mime.MimeToMapi;
import org.zcp.mime.TrackedMimeMessage;
import org.zcp.store.session.Session;

/**
 * The last step of delivery: converts the (possibly changed) message to MAPI and stores it in the
 * target folder of the user's store. The original RFC 822 text is kept for users with the imap
 * feature (manual 8.7); a message already delivered (same Message-ID within a day) is not stored
 * twice, so an MTA retrying after a lost answer never duplicates it.
 */
@Stateless
public class MailboxWriter {
    private static final Logger LOG = Logger.getLogger(MailboxWriter.class.getName());
    static final long DUPLICATE_WINDOW_MS = 24L * 60 * 60 * 1000;
    /** Delivery works as the internal SYSTEM user (full access to every store). */
    static final Session SYSTEM = Session.MAIL_FLOW;

    /**
     * Where and how a message is stored: a folder of the company's public store (move to public),
     * else a folder entry id (a rule's move), else a folder path (zarafa-dagent -F), else Junk
     * E-mail for spam, else the Inbox; {@code copies} are further folders (a rule's copy).
     */
    public record Target(String publicPath, String folderId, String folderPath, boolean create, boolean markRead,
            boolean junk, List<String> copies) {
        public static Target inbox() {
            return new Target(null, null, null, false, false, false, List.of());
        }
    }

    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    ObjectStore objects;

    @Inject
    MessageService messages;

    @Inject
    FolderService folders;

    @Inject
    Features features;

    @Inject
    org.zcp.store.config.ServerSettings settings;

    @Inject
    org.zcp.store.archive.ArchiveService archives;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    @Inject
    Duplicates duplicates;

    /** Stores the message for {@code userId}; returns the entry id of the stored (or earlier) copy. */
    public String store(long userId, MimeMessage mime, Path original, Target target) {
        DirEntry user = directory.require(userId);
        StoreEntity store = stores.privateStoreOf(userId)
                .orElseThrow(() -> StoreException.notFound("user " + user.name() + " has no store"));
        String folder;
        String publicFolder = present(target.publicPath()) ? publicFolder(user, target) : null;
        if (publicFolder != null) {
            folder = publicFolder;
            store = objects.store(objects.resolve(folder).storeId);
        } else if (present(target.folderId()) && ruleFolder(store, target.folderId())) {
            folder = target.folderId();
        } else {
            folder = folderId(store, target.folderPath(), target.create());
            if (!present(target.folderPath()) && target.junk()) {
                String junk = junkFolder(store);
                if (junk != null) folder = junk;
            }
        }
        byte[] text = text(mime, original);
        Message m = MimeToMapi.convert(mime, text, System.currentTimeMillis());
        if (target.markRead()) {
            m.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_FLAGS);
            m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ));
        }
        // the text as received, for IMAP (manual 8.7) and POP3 clients: served byte for byte
        if (features.allowed(user, "imap") || features.allowed(user, "pop3")) {
            m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text));
        }
        String id = messages.create(SYSTEM, folder, m, false);
        // checked after the rows are written, when create holds the folder's and the store's
        // counters until commit: deliveries to one mailbox write in parallel and queue only for
        // those (issue 10); a duplicate is then undone whole, with what the pipeline did for it
        String duplicate = duplicate(store, m, objects.resolve(id).id);
        if (duplicate != null) {
            txRegistry.setRollbackOnly();
            LOG.info("duplicate delivery of " + PropValues.string(m.props, PropTag.PR_INTERNET_MESSAGE_ID) + " to "
                    + directory.loginName(user) + " suppressed");
            return duplicate;
        }
        if (settings.dagent().getBool("archive_on_delivery") && store.userId == userId) {
            // manual 6.7.1: not archived, not delivered (the exception makes it a temporary failure)
            archives.archive(userId, id, objects.resolve(folder).displayName, false);
        }
        if (target.copies() != null && !target.copies().isEmpty()) {
            for (String copy : target.copies()) {
                if (liveFolder(store, copy)) {
                    messages.copy(SYSTEM, List.of(id), copy, false);
                } else {
                    LOG.warning("a rule's copy folder " + copy + " is gone or not in the store: no copy made");
                }
            }
        }
        LOG.fine("delivered to " + directory.loginName(user));
        return id;
    }

    /**
     * Whether a rule's move target is a live folder of the store. A folder deleted since the rule
     * was made is no reason to refuse the message for ever: it goes to the Inbox, with a warning.
     */
    private boolean ruleFolder(StoreEntity store, String folderId) {
        if (liveFolder(store, folderId)) return true;
        LOG.warning("a rule's target folder " + folderId + " is gone or not in the store: delivered to the Inbox");
        return false;
    }

    /**
     * Whether the entry id names a live folder of the store. Looked up without the store services,
     * whose refusal would mark the delivery's transaction for rollback (StoreException).
     */
    private boolean liveFolder(StoreEntity store, String folderId) {
        EntryIds.Parsed p;
        try {
            p = EntryIds.parse(folderId);
        } catch (StoreException e) {
            return false;
        }
        if (!p.storeGuid().equalsIgnoreCase(store.guid)) return false;
        HierarchyObject f = objects.find(p.objectId());
        return f != null && f.type == ObjectType.MAPI_FOLDER && f.deletedAt == null && f.storeId == store.id;
    }

    /** The public folder of the move-to-public plugin; null (the Inbox, with a warning) when missing. */
    private String publicFolder(DirEntry user, Target target) {
        StoreEntity pub = stores.publicStoreOf(user.companyId()).orElse(null);
        if (pub == null) {
            LOG.warning("no public store for " + user.name() + "'s company: delivered to the Inbox instead of "
                    + target.publicPath());
            return null;
        }
        HierarchyObject cur = stores.ipmSubtree(pub);
        for (String name : target.publicPath().split("[/\\\\]")) {
            if (name.isBlank()) continue;
            HierarchyObject next = null;
            for (HierarchyObject f : objects.children(cur.id, ObjectType.MAPI_FOLDER, false)) {
                if (name.equalsIgnoreCase(f.displayName)) next = f;
            }
            if (next == null && !target.create()) {
                LOG.warning("public folder " + target.publicPath() + " does not exist: delivered to the Inbox of "
                        + user.name());
                return null;
            }
            if (next == null) next = objects.resolve(folders.create(SYSTEM, objects.entryId(cur), name, "IPF.Note", true));
            cur = next;
        }
        return objects.entryId(cur);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /**
     * Whether a mailet changed the message: James wraps it (MimeMessageWrapper knows), a plugin may
     * have replaced it with a new one; only a message known to be untouched keeps the MTA's bytes.
     */
    static boolean changed(MimeMessage mime) {
        if (mime instanceof org.apache.james.server.core.MimeMessageWrapper w) return w.isModified();
        if (mime instanceof TrackedMimeMessage t) return t.changed();
        return true;
    }

    /**
     * The bytes the MTA sent, or the message as a mailet left it; when a changed message cannot be
     * written (broken content), the bytes the MTA sent: a derived failure never refuses the message.
     * Only a spool file that cannot be read is a (temporary) failure.
     */
    private static byte[] text(MimeMessage mime, Path original) {
        if (original == null || changed(mime)) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                mime.writeTo(out);
                return out.toByteArray();
            } catch (IOException | MessagingException | RuntimeException e) {
                if (original == null) {
                    throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "cannot write the message: " + e);
                }
                LOG.warning("the changed message cannot be written, the text as received is kept: " + e);
            }
        }
        try {
            return Files.readAllBytes(original);
        } catch (IOException e) {
            throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "cannot read the message: " + e.getMessage());
        }
    }

    /** The Junk E-mail folder: PR_ADDITIONAL_REN_ENTRYIDS[4] of the store. */
    private String junkFolder(StoreEntity store) {
        var ren = objects.stored(store.hierarchyId).get(PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        if (ren == null || ren.mvbin == null || ren.mvbin.size() < 5 || ren.mvbin.get(4).length == 0) return null;
        return HexFormat.of().withUpperCase().formatHex(ren.mvbin.get(4));
    }

    /** A live delivered copy of the same Message-ID in the store from the last day other than {@code self}, or null. */
    private String duplicate(StoreEntity store, Message m, long self) {
        String id = PropValues.string(m.props, PropTag.PR_INTERNET_MESSAGE_ID);
        if (id == null || id.isBlank() || id.length() > 255) return null;
        // "look up, then insert" made safe (issue 10): the store's row lock (held since the journal
        // entry of the new message) orders deliveries to one store; what the ones before committed
        // is read with a plain read at READ COMMITTED (Duplicates says why not a locking read)
        objects.lockFresh(StoreEntity.class, store.id);
        return duplicates.find(store.id, id, System.currentTimeMillis() - DUPLICATE_WINDOW_MS, self);
    }

    /** The entry id of the store's Inbox. */
    public String inboxId(StoreEntity store) {
        long inbox = stores.receiveFolder(store.id, "IPM").orElseThrow(() -> StoreException.notFound("Inbox"));
        return objects.entryId(store.id, inbox);
    }

    /** The Inbox, or a folder path below IPM_SUBTREE ("Inbox/Projects"), created on request. */
    public String folderId(StoreEntity store, String path, boolean create) {
        if (path == null || path.isBlank()) {
            return inboxId(store);
        }
        HierarchyObject cur = stores.ipmSubtree(store);
        for (String name : path.split("[/\\\\]")) {
            if (name.isBlank()) continue;
            HierarchyObject next = null;
            for (HierarchyObject f : objects.children(cur.id, ObjectType.MAPI_FOLDER, false)) {
                if (name.equalsIgnoreCase(f.displayName)) next = f;
            }
            if (next == null) {
                if (!create) {
                    // zarafa-dagent -F without -C: a missing folder means the Inbox
                    return inboxId(store);
                }
                String id = folders.create(SYSTEM, objects.entryId(cur), name, "IPF.Note", true);
                next = objects.resolve(id);
            }
            cur = next;
        }
        return objects.entryId(cur);
    }

    /**
     * dagent.cfg spam_header_name / spam_header_value: a message the spam filter marked (for
     * example "X-Spam-Status: Yes, score=7.1").
     */
    public static boolean isSpam(MimeMessage mime, String name, String value) {
        name = name.trim();
        value = value.trim();
        if (name.isEmpty() || value.isEmpty()) return false;
        try {
            String[] headers = mime.getHeader(name);
            if (headers == null) return false;
            for (String h : headers) {
                if (h.trim().toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT))) return true;
            }
        } catch (MessagingException e) {
            return false;
        }
        return false;
    }
}
