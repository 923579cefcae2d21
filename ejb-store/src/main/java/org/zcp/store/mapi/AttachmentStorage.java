package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
@ApplicationScoped
public class AttachmentStorage {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AttachmentStorage.class.getName());

    @Inject
    EntityManager em;

    @Inject
    ServerSettings settings;

    @Inject
    LobRows rows;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    /**
     * The committed content row, write-locked, or null. A locking read sees the newest committed
     * row whatever the isolation level (a plain read may see the transaction's old snapshot), and
     * waits for a transaction that is removing it.
     */
    private LobEntity locked(String hash) {
        return em.find(LobEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The file goes with its row: moved aside now, while this transaction holds the row's lock,
     * deleted once the removal is committed, moved back on a rollback. A delivery of the same
     * content that waited for the lock finds neither row nor file and makes both anew; it can
     * never have its fresh file deleted by this removal's commit.
     */
    private void deleteWithRow(Path file) throws IOException {
        if (!Files.exists(file)) return;
        Path aside = file.resolveSibling(file.getFileName() + ".removed-" + java.util.UUID.randomUUID());
        Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
        txRegistry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                try {
                    if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                        Files.deleteIfExists(aside);
                    } else {
                        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    java.util.logging.Logger.getLogger(AttachmentStorage.class.getName())
                            .warning("cannot finish removing attachment file " + aside + ": " + e.getMessage());
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
            // "look up, then insert" in a short transaction of its own (a concurrent delivery of the
            // same bytes either finds the committed row or loses the insert and then finds it),
            // then the committed row taken locked in this one; never a locking read of a row that
            // may not exist, whose gap lock (InnoDB, REPEATABLE READ) would block that insert
            LobEntity lob;
            try {
                rows.insertIfAbsent(hash, size, files() ? fileOf(hash) : null, tmp);
            } catch (jakarta.ejb.EJBException lost) {
                LOG.fine(() -> "content " + hash + " was inserted concurrently: " + lost.getMessage());
            }
            lob = locked(hash);
            if (lob == null) {
                // its last reference was removed in between: a temporary failure, the sender retries
                throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "attachment content changed while stored, try again");
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
                try {
                    deleteWithRow(fileOf(hash));
                } catch (IOException e) {
                    throw new StoreException(MapiError.MAPI_E_CALL_FAILED, "cannot remove attachment file: " + e.getMessage());
                }
            }
            em.remove(lob);
        }
    }

}
