package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.zcp.store.entity.LobEntity;

/**
 * Makes the row of single-instance content in a transaction of its own, so that two deliveries
 * carrying the same attachment at once cannot both insert it (issue 10: the second got a unique
 * key violation and its message a 451). The caller then takes the committed row under a lock
 * and counts its reference in its own transaction.
 */
@Stateless
public class LobRows {
    @PersistenceContext(unitName = "zarafa")
    EntityManager em;

    /**
     * Inserts the content row (refcount 0) unless a committed one exists. With {@code file} (the
     * content's place under attachment_path) the upload is linked there first, so a committed row
     * always names a file that is there; the bytes are the same whoever links them, so a file
     * already there is as good. Otherwise the bytes go into the row. A concurrent insert of the
     * same hash surfaces as an exception (this transaction rolls back): the row is the other's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void insertIfAbsent(String hash, long size, Path file, Path upload) throws IOException {
        // a plain read in a fresh transaction: it sees what others committed and waits for no lock
        if (em.find(LobEntity.class, hash) != null) return;
        LobEntity lob = new LobEntity();
        lob.hash = hash;
        lob.size = size;
        if (file != null) {
            Files.createDirectories(file.getParent());
            try {
                Files.createLink(file, upload);
            } catch (FileAlreadyExistsException there) {
                // the same bytes, linked by a concurrent delivery
            }
            lob.storage = "files";
        } else {
            lob.storage = "database";
            lob.data = Files.readAllBytes(upload);
        }
        em.persist(lob);
        em.flush();
    }
}
