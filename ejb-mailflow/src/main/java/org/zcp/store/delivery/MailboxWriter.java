package org.zcp.store.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.mime.MimeToMapi;
import org.zcp.mime.TrackedMimeMessage;
import org.zcp.store.StoreException;
import org.zcp.store.api.FolderInfo;
import org.zcp.store.api.Mailboxes;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.Features;

/**
 * The last step of delivery: converts the (possibly changed) message to MAPI and stores it in the
 * target folder of the user's store, through the store's door for the mail flow ({@link Mailboxes}). The original RFC 822 text is kept for users with the imap
 * feature (manual 8.7); a message already delivered (same Message-ID within a day) is not stored
 * twice, so an MTA retrying after a lost answer never duplicates it.
 */
@Stateless
public class MailboxWriter {
    private static final Logger LOG = Logger.getLogger(MailboxWriter.class.getName());
    static final long DUPLICATE_WINDOW_MS = 24L * 60 * 60 * 1000;

    /**
     * Where and how a message is stored: a folder of the company's public store (move to public),
     * else a folder entry id (a rule's move), else a folder path (zarafa-dagent -F), else Junk
     * E-mail for spam, else the Inbox; {@code copies} are further folders (a rule's copy).
     */
    public record Target(String publicPath, String folderId, String folderPath, boolean create, boolean markRead,
            boolean junk, List<String> copies, String messageClass, String meeting) {
        public Target(String publicPath, String folderId, String folderPath, boolean create, boolean markRead,
                boolean junk, List<String> copies) {
            this(publicPath, folderId, folderPath, create, markRead, junk, copies, null, null);
        }

        public static Target inbox() {
            return new Target(null, null, null, false, false, false, List.of());
        }
    }

    @Inject
    Directory directory;

    @Inject
    Mailboxes mailboxes;

    @Inject
    Features features;

    @Inject
    org.zcp.store.api.Calendars calendars;

    @Inject
    org.zcp.store.config.ServerSettings settings;

    @Inject
    org.zcp.store.archive.ArchiveService archives;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    /** Stores the message for {@code userId}; returns the entry id of the stored (or earlier) copy. */
    public String store(long userId, MimeMessage mime, Path original, Target target) {
        DirEntry user = directory.require(userId);
        MailStore store = mailboxes.privateStore(userId)
                .orElseThrow(() -> StoreException.notFound("user " + user.name() + " has no store"));
        String folder;
        String publicFolder = present(target.publicPath()) ? publicFolder(user, target) : null;
        if (publicFolder != null) {
            folder = publicFolder;
            store = mailboxes.storeOf(folder);
        } else if (present(target.folderId()) && ruleFolder(store, target.folderId())) {
            folder = target.folderId();
        } else {
            folder = folderId(store, target.folderPath(), target.create());
            if (!present(target.folderPath()) && target.junk()) {
                folder = mailboxes.specialFolder(store, FolderInfo.Special.JUNK).orElse(folder);
            }
        }
        byte[] text = text(mime, original);
        Message m = MimeToMapi.convert(mime, text, System.currentTimeMillis());
        if (target.messageClass() != null && !target.messageClass().isBlank()) {
            m.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_CLASS);
            m.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, target.messageClass()));
        }
        if (target.meeting() != null) {
            // the meeting's own properties beside the mail's (MeetingRequests): Outlook finds it from the request
            List<PropValue> meeting = calendars.mailProps(target.meeting());
            java.util.Set<Integer> tags = new java.util.HashSet<>();
            for (PropValue p : meeting) tags.add(p.tag);
            m.props.removeIf(p -> tags.contains(p.tag));
            m.props.addAll(meeting);
        }
        if (target.markRead()) {
            m.props.removeIf(p -> p.tag == PropTag.PR_MESSAGE_FLAGS);
            m.props.add(PropValue.ofLong(PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ));
        }
        // the text as received, for IMAP (manual 8.7) and POP3 clients: served byte for byte
        if (features.allowed(user, "imap") || features.allowed(user, "pop3")) {
            m.props.add(PropValue.ofBinary(MimeToMapi.PR_EC_IMAP_EMAIL, text));
        }
        String id = mailboxes.create(folder, m);
        // checked after the rows are written, when create holds the folder's and the store's
        // counters until commit: deliveries to one mailbox write in parallel and queue only for
        // those (issue 10); a duplicate is then undone whole, with what the pipeline did for it
        String duplicate = duplicate(store, m, id);
        if (duplicate != null) {
            txRegistry.setRollbackOnly();
            LOG.info("duplicate delivery of " + PropValues.string(m.props, PropTag.PR_INTERNET_MESSAGE_ID) + " to "
                    + directory.loginName(user) + " suppressed");
            return duplicate;
        }
        if (settings.dagent().getBool("archive_on_delivery") && store.ownerId() == userId) {
            // manual 6.7.1: not archived, not delivered (the exception makes it a temporary failure)
            archives.archive(userId, id, mailboxes.displayName(folder), false);
        }
        if (target.copies() != null && !target.copies().isEmpty()) {
            for (String copy : target.copies()) {
                if (mailboxes.isLiveFolder(store, copy)) {
                    mailboxes.copy(List.of(id), copy, false);
                } else {
                    LOG.warning("a rule's copy folder " + copy + " is gone or not in the store: no copy made");
                }
            }
        }
        if (LOG.isLoggable(java.util.logging.Level.INFO)) {
            LOG.info("delivered " + org.zcp.protocols.log.LogText.safe(String.valueOf(PropValues.string(m.props,
                    PropTag.PR_INTERNET_MESSAGE_ID))) + " to " + directory.loginName(user) + ", folder "
                    + mailboxes.displayName(folder));
        }
        return id;
    }

    /**
     * Whether a rule's move target is a live folder of the store. A folder deleted since the rule
     * was made is no reason to refuse the message for ever: it goes to the Inbox, with a warning.
     */
    private boolean ruleFolder(MailStore store, String folderId) {
        if (mailboxes.isLiveFolder(store, folderId)) return true;
        LOG.warning("a rule's target folder " + folderId + " is gone or not in the store: delivered to the Inbox");
        return false;
    }

    /** The public folder of the move-to-public plugin; null (the Inbox, with a warning) when missing. */
    private String publicFolder(DirEntry user, Target target) {
        MailStore pub = mailboxes.publicStore(user.companyId()).orElse(null);
        if (pub == null) {
            LOG.warning("no public store for " + user.name() + "'s company: delivered to the Inbox instead of "
                    + target.publicPath());
            return null;
        }
        String folder = mailboxes.folderAt(pub, names(target.publicPath()), target.create()).orElse(null);
        if (folder == null) {
            LOG.warning("public folder " + target.publicPath() + " does not exist: delivered to the Inbox of "
                    + user.name());
        }
        return folder;
    }

    /** A folder path's names ("Inbox/Projects", "Inbox\\Projects"). */
    private static List<String> names(String path) {
        return List.of(path.split("[/\\\\]"));
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

    /** A live delivered copy of the same Message-ID in the store from the last day other than {@code self}, or null. */
    private String duplicate(MailStore store, Message m, String self) {
        String id = PropValues.string(m.props, PropTag.PR_INTERNET_MESSAGE_ID);
        if (id == null || id.isBlank() || id.length() > 255) return null;
        return mailboxes.deliveredBefore(store, id, System.currentTimeMillis() - DUPLICATE_WINDOW_MS, self).orElse(null);
    }

    /** The Inbox, or a folder path below IPM_SUBTREE ("Inbox/Projects"), created on request. */
    public String folderId(MailStore store, String path, boolean create) {
        if (path == null || path.isBlank()) return mailboxes.inbox(store);
        // zarafa-dagent -F without -C: a missing folder means the Inbox
        return mailboxes.folderAt(store, names(path), create).orElseGet(() -> mailboxes.inbox(store));
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
