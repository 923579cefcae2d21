package org.zcp.store.delivery;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.PropValues;
import java.util.logging.Logger;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.admin.UserAdmin;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * Delivery of an Internet message into a user's store (zarafa-dagent, LMTP): resolve the
 * recipient, convert MIME to MAPI, store it in the Inbox (or the requested folder) in a
 * transaction of its own, so that one recipient's outcome never touches another's. The original
 * RFC 822 text is kept for users with the imap feature (manual 8.7).
 */
@Stateless
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());
    static final long DUPLICATE_WINDOW_MS = 24L * 60 * 60 * 1000;
    /** Delivery works as the internal SYSTEM user (full access to every store). */
    static final Session SYSTEM = new Session("delivery", Directory.SYSTEM_ID, "SYSTEM", 0, 2, "localhost",
            "zarafa-dagent");

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
    UserAdmin users;

    @Inject
    org.zcp.store.config.ServerSettings settings;

    /** Delivers one copy; the caller maps DELIVERED/UNKNOWN/QUOTA to its protocol's answers. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public DeliveryResult deliver(String recipient, Path rfc822, String folderPath, boolean create, boolean markRead) {
        DeliveryResult r = new DeliveryResult();
        r.recipient = recipient;
        DirEntry user = directory.findUserByAddress(recipient).orElse(null);
        if (user == null) {
            r.status = DeliveryResult.UNKNOWN;
            r.detail = "no such user: " + recipient;
            return r;
        }
        StoreEntity store = stores.privateStoreOf(user.id()).orElse(null);
        if (store == null) {
            r.status = DeliveryResult.UNKNOWN;
            r.detail = "user " + user.name() + " has no store";
            return r;
        }
        String folder = folderId(store, folderPath, create);
        Message m;
        try (InputStream in = Files.newInputStream(rfc822)) {
            MimeMessage mime = MimeToMapi.parse(in);
            m = MimeToMapi.convert(mime, System.currentTimeMillis());
            if ((folderPath == null || folderPath.isBlank()) && isSpam(mime)) {
                String junk = junkFolder(store);
                if (junk != null) folder = junk;
            }
        } catch (MessagingException | IOException e) {
            throw new StoreException(org.zcp.api.mapi.MapiError.MAPI_E_CALL_FAILED,
                    "cannot read the message: " + e.getMessage());
        }
        if (markRead) {
            m.props.removeIf(p -> p.tag == org.zcp.api.mapi.PropTag.PR_MESSAGE_FLAGS);
            m.props.add(PropValue.ofLong(org.zcp.api.mapi.PropTag.PR_MESSAGE_FLAGS, org.zcp.api.mapi.PropTag.MSGFLAG_READ));
        }
        if (users.featureAllowed(user, "imap")) {
            try {
                m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, Files.readAllBytes(rfc822)));
            } catch (IOException e) {
                throw new StoreException(org.zcp.api.mapi.MapiError.MAPI_E_CALL_FAILED, e.getMessage());
            }
        }
        String duplicate = duplicate(store, m);
        if (duplicate != null) {
            // the MTA retries a message whose copy is already committed (the answer was lost):
            // it is delivered, once (Exchange-style duplicate suppression by Message-ID)
            r.messageId = duplicate;
            r.status = DeliveryResult.DELIVERED;
            r.detail = "duplicate of a message delivered before";
            LOG.info("duplicate delivery of " + PropValues.string(m.props, PropTag.PR_INTERNET_MESSAGE_ID) + " to "
                    + directory.loginName(user) + " suppressed");
            return r;
        }
        r.messageId = messages.create(SYSTEM, folder, m, false);
        r.status = DeliveryResult.DELIVERED;
        LOG.fine("delivered to " + directory.loginName(user) + " (" + recipient + ")");
        return r;
    }

    /**
     * dagent.cfg spam_header_name / spam_header_value: a message the spam filter marked (for
     * example "X-Spam-Status: Yes, score=7.1") goes to Junk E-mail instead of the Inbox.
     */
    boolean isSpam(MimeMessage mime) {
        String name = settings.dagent().get("spam_header_name").trim();
        String value = settings.dagent().get("spam_header_value").trim();
        if (name.isEmpty() || value.isEmpty()) return false;
        try {
            String[] headers = mime.getHeader(name);
            if (headers == null) return false;
            for (String h : headers) {
                if (h.trim().toLowerCase(java.util.Locale.ROOT).startsWith(value.toLowerCase(java.util.Locale.ROOT))) {
                    return true;
                }
            }
        } catch (MessagingException e) {
            return false;
        }
        return false;
    }

    /** The Junk E-mail folder: PR_ADDITIONAL_REN_ENTRYIDS[4] of the store. */
    private String junkFolder(StoreEntity store) {
        var ren = objects.stored(store.hierarchyId).get(PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        if (ren == null || ren.mvbin == null || ren.mvbin.size() < 5 || ren.mvbin.get(4).length == 0) return null;
        return java.util.HexFormat.of().withUpperCase().formatHex(ren.mvbin.get(4));
    }

    /** A live copy of the same Message-ID delivered to the store in the last day, or null. */
    private String duplicate(StoreEntity store, Message m) {
        String id = PropValues.string(m.props, PropTag.PR_INTERNET_MESSAGE_ID);
        if (id == null || id.isBlank() || id.length() > 255) return null;
        List<HierarchyObject> found = objects.em().createQuery("select h from HierarchyObject h where h.storeId = :s"
                + " and h.messageId = :m and h.type = 5 and h.deletedAt is null and h.created > :since",
                HierarchyObject.class).setParameter("s", store.id).setParameter("m", id)
                .setParameter("since", System.currentTimeMillis() - DUPLICATE_WINDOW_MS).setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : objects.entryId(found.get(0));
    }

    private String inboxId(StoreEntity store) {
        long inbox = stores.receiveFolder(store.id, "IPM").orElseThrow(() -> StoreException.notFound("Inbox"));
        return objects.entryId(store.id, inbox);
    }

    /** The Inbox, or a folder path below IPM_SUBTREE ("Inbox/Projects"), created on request. */
    private String folderId(StoreEntity store, String path, boolean create) {
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

}
