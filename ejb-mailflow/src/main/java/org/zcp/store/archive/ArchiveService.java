package org.zcp.store.archive;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.StoreException;
import org.zcp.store.admin.UserAdmin;
import org.zcp.store.api.Mailboxes;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.admin.ArchiveInfo;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.session.Session;

/**
 * Archives attached to users (manual 6.7): an archive is the store of another (usually non-active)
 * user; this user's messages go below a folder of it, named after the user unless given. Archive
 * on delivery (dagent.cfg archive_on_delivery) and archive on send (spooler.cfg archive_on_send)
 * put a copy of each message there, in a folder named like the one it came from, in the same
 * transaction as the delivery or before the sending: when archiving fails, nothing is delivered
 * or sent.
 */
@Stateless
public class ArchiveService {
    private static final Logger LOG = Logger.getLogger(ArchiveService.class.getName());

    @Inject
    Directory directory;

    @Inject
    UserAdmin users;

    @Inject
    Mailboxes mailboxes;

    /** One attachment: the archive user's id and the folder. */
    public record Attached(long archiveUserId, String folder) {
    }

    public List<Attached> attached(long userId) {
        DirEntry user = directory.get(userId).orElse(null);
        List<Attached> out = new ArrayList<>();
        String v = user == null ? null : user.prop(Attr.ARCHIVES);
        if (v == null || v.isBlank()) return out;
        for (String line : v.split("\n")) {
            String[] f = line.split("\t", 2);
            try {
                out.add(new Attached(Long.parseLong(f[0].trim()), f.length > 1 ? f[1] : ""));
            } catch (NumberFormatException e) {
                LOG.warning("ignoring a broken archive attachment of " + user.name() + ": " + line);
            }
        }
        return out;
    }

    /** zarafa-archiver -u USER --attach-to ARCHIVE [--archive-folder FOLDER]. */
    public void attach(Session s, String userName, String archiveName, String folder) {
        DirEntry user = users.visibleUser(s, userName);
        DirEntry archive = users.visibleUser(s, archiveName);
        directory.requireAdminOf(s, user.companyId());
        directory.requireAdminOf(s, archive.companyId());
        if (user.id() == archive.id()) throw StoreException.invalid("a user cannot be his own archive");
        if (mailboxes.privateStore(archive.id()).isEmpty()) {
            throw StoreException.notFound("the store of archive user " + archiveName);
        }
        String name = folder == null || folder.isBlank() ? user.name() : folder.trim();
        if (name.contains("\n") || name.contains("\t")) throw StoreException.invalid("folder name");
        List<Attached> list = attached(user.id());
        for (Attached a : list) {
            if (a.archiveUserId() == archive.id()) {
                throw StoreException.collision(userName + " is already attached to " + archiveName);
            }
        }
        list.add(new Attached(archive.id(), name));
        save(user, list);
        LOG.info("archive " + archiveName + " (folder " + name + ") attached to " + userName);
    }

    /** zarafa-archiver -u USER --detach-from ARCHIVE. */
    public void detach(Session s, String userName, String archiveName) {
        DirEntry user = users.visibleUser(s, userName);
        DirEntry archive = users.visibleUser(s, archiveName);
        directory.requireAdminOf(s, user.companyId());
        List<Attached> list = attached(user.id());
        if (!list.removeIf(a -> a.archiveUserId() == archive.id())) {
            throw StoreException.notFound(archiveName + " is not an archive of " + userName);
        }
        save(user, list);
    }

    /** zarafa-archiver -u USER -l. */
    public List<ArchiveInfo> list(Session s, String userName) {
        DirEntry user = users.visibleUser(s, userName);
        directory.requireAdminOf(s, user.companyId());
        List<ArchiveInfo> out = new ArrayList<>();
        for (Attached a : attached(user.id())) {
            directory.get(a.archiveUserId()).ifPresent(d -> out.add(new ArchiveInfo(directory.loginName(d), a.folder())));
        }
        return out;
    }

    private void save(DirEntry user, List<Attached> list) {
        StringBuilder b = new StringBuilder();
        for (Attached a : list) b.append(a.archiveUserId()).append('\t').append(a.folder()).append('\n');
        Map<String, String> attrs = new HashMap<>();
        attrs.put(Attr.ARCHIVES, list.isEmpty() ? null : b.toString());
        directory.setAttributes(user.id(), attrs);
    }

    /**
     * Copies a message of {@code userId} into each attached archive, below the user's archive
     * folder in a folder called {@code folderName}; {@code sent} marks the copies as sent mail.
     * Any failure is thrown: the caller's delivery or sending fails with it.
     */
    public int archive(long userId, String messageEntryId, String folderName, boolean sent) {
        int n = 0;
        for (Attached a : attached(userId)) {
            MailStore store = mailboxes.privateStore(a.archiveUserId())
                    .orElseThrow(() -> StoreException.notFound("the archive store of user " + a.archiveUserId()));
            String target = mailboxes.folderAt(store, List.of(a.folder(),
                    folderName == null || folderName.isBlank() ? "Inbox" : folderName), true).orElseThrow();
            for (String copy : mailboxes.copy(List.of(messageEntryId), target, false)) {
                if (sent) {
                    mailboxes.changeFlags(copy, PropTag.MSGFLAG_READ, PropTag.MSGFLAG_SUBMIT | PropTag.MSGFLAG_UNSENT);
                }
            }
            n++;
        }
        return n;
    }

    /** {@link #archive} in a transaction of its own: its failure leaves the caller's intact. */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.REQUIRES_NEW)
    public int archiveApart(long userId, String messageEntryId, String folderName, boolean sent) {
        return archive(userId, messageEntryId, folderName, sent);
    }
}
