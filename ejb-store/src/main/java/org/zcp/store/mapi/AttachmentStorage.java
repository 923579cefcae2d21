package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.entity.LobEntity;
import org.zcp.store.entity.SingleInstance;

/**
 * Attachment content (manual 4.6): in the database ({@code attachment_storage = database}) or as
 * files under {@code attachment_path} ({@code files}), stored once per SHA-256 and shared by every
 * attachment with the same bytes (single instance storage). Content is streamed through a
 * temporary file so large attachments never sit in memory whole.
 */
@Stateless
public class AttachmentStorage {
    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    @Inject
    ServerSettings settings;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    /** The file goes only when the removal of its row is committed; a rollback keeps both. */
    private void deleteAfterCommit(Path file) {
        txRegistry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    try {
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        java.util.logging.Logger.getLogger(AttachmentStorage.class.getName())
                                .warning("cannot remove attachment file " + file + ": " + e.getMessage());
                    }
                }
            }
        });
    }

    private boolean files() {
        return "files".equalsIgnoreCase(settings.get("attachment_storage"));
    }

    private Path root() {
        return Path.of(settings.get("attachment_path"));
    }

    Path fileOf(String hash) {
        return root().resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    /** Stores content and links it to an attachment object; returns the size. */
    public long attach(long attachmentId, InputStream content) {
        Path tmp = null;
        try {
            Path dir = files() ? root() : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, ".upload", ".tmp");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), sha)) {
                size = content.transferTo(out);
            }
            String hash = HexFormat.of().formatHex(sha.digest());
            LobEntity lob = em.find(LobEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
            if (lob == null) {
                lob = new LobEntity();
                lob.hash = hash;
                lob.size = size;
                lob.storage = files() ? "files" : "database";
                if (files()) {
                    Path target = fileOf(hash);
                    Files.createDirectories(target.getParent());
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    tmp = null;
                } else {
                    lob.data = Files.readAllBytes(tmp);
                }
                em.persist(lob);
            }
            lob.refcount++;
            SingleInstance old = em.find(SingleInstance.class, attachmentId);
            if (old != null) {
                release(old.hash);
                old.hash = hash;
            } else {
                em.persist(new SingleInstance(attachmentId, hash));
            }
            return size;
        } catch (IOException e) {
            throw new StoreException(MapiError.MAPI_E_NOT_ENOUGH_DISK, "cannot store attachment: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless
                }
            }
        }
    }

    /** Makes a copied attachment share the content of the original. */
    public void share(long fromAttachmentId, long toAttachmentId) {
        SingleInstance si = em.find(SingleInstance.class, fromAttachmentId);
        if (si == null) return;
        LobEntity lob = em.find(LobEntity.class, si.hash, LockModeType.PESSIMISTIC_WRITE);
        lob.refcount++;
        em.persist(new SingleInstance(toAttachmentId, si.hash));
    }

    public long size(long attachmentId) {
        SingleInstance si = em.find(SingleInstance.class, attachmentId);
        if (si == null) return 0;
        LobEntity lob = em.find(LobEntity.class, si.hash);
        return lob == null ? 0 : lob.size;
    }

    /** The content of an attachment; empty when it has none. */
    public InputStream open(long attachmentId) {
        SingleInstance si = em.find(SingleInstance.class, attachmentId);
        if (si == null) return InputStream.nullInputStream();
        LobEntity lob = em.find(LobEntity.class, si.hash);
        if (lob == null) throw StoreException.notFound("attachment content " + si.hash);
        if ("files".equals(lob.storage)) {
            try {
                return Files.newInputStream(fileOf(lob.hash));
            } catch (IOException e) {
                throw new StoreException(MapiError.MAPI_E_NOT_FOUND,
                        "attachment file missing under attachment_path: " + lob.hash);
            }
        }
        return new ByteArrayInputStream(lob.data == null ? new byte[0] : lob.data);
    }

    public Path path(long attachmentId) {
        SingleInstance si = em.find(SingleInstance.class, attachmentId);
        if (si == null) return null;
        LobEntity lob = em.find(LobEntity.class, si.hash);
        return lob != null && "files".equals(lob.storage) ? fileOf(lob.hash) : null;
    }

    /** Drops an attachment's reference; content without references is removed. */
    public void detach(long attachmentId) {
        SingleInstance si = em.find(SingleInstance.class, attachmentId);
        if (si == null) return;
        em.remove(si);
        release(si.hash);
    }

    private void release(String hash) {
        LobEntity lob = em.find(LobEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (lob == null) return;
        lob.refcount--;
        if (lob.refcount <= 0) {
            if ("files".equals(lob.storage)) {
                deleteAfterCommit(fileOf(hash));
            }
            em.remove(lob);
        }
    }

}
