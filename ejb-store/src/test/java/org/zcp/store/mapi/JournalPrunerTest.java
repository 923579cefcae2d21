package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.store.db.SchemaMigrator;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.StoreEntity;

/** Journal pruning (sync_lifetime) against the real schema on H2, through Hibernate as on the server. */
class JournalPrunerTest {
    private static final long OLD = 1_000_000L;
    private static final long NEW = 9_000_000L;

    private JdbcDataSource ds;
    private SessionFactory sf;

    @BeforeEach
    void setUp() throws SQLException {
        ds = new JdbcDataSource();
        String url = "jdbc:h2:mem:j" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        ds.setURL(url);
        SchemaMigrator.migrate(ds);
        sf = new Configuration().addAnnotatedClass(ChangeEntry.class).addAnnotatedClass(StoreEntity.class)
                .setProperty("hibernate.connection.url", url).setProperty("hibernate.connection.username", "")
                .buildSessionFactory();
        JournalFloors.forgetAll();
        sql("INSERT INTO stores (id, guid, type) VALUES (1, 'A', 0), (2, 'B', 0)");
        // store 1: folder 10 changes 1-5 old and 7 new (4 deleted UID 3), folder 11 only change 6 (old);
        // store 2: folder 20 changes 1-2 old
        for (int n = 1; n <= 5; n++) journal(1, n, 10, n == 4 ? ChangeEntry.DELETE : ChangeEntry.ADD, n, OLD);
        journal(1, 6, 11, ChangeEntry.ADD, 1, OLD);
        journal(1, 7, 10, ChangeEntry.ADD, 6, NEW);
        journal(2, 1, 20, ChangeEntry.ADD, 1, OLD);
        journal(2, 2, 20, ChangeEntry.FLAGS, 1, OLD);
    }

    @AfterEach
    void tearDown() throws SQLException {
        sf.close();
        JournalFloors.forgetAll();
    }

    @Test
    void oldEntriesGoButEachFoldersNewestStaysAndTheFloorsSayHowFar() throws SQLException {
        int pruned = pruneAll(OLD + 1, 2); // batches of two: a folder's entries span batches
        assertThat(pruned).isEqualTo(6);
        assertThat(remaining()).containsExactlyInAnyOrder("1/10/7", "1/11/6", "2/20/2");
        assertThat(floors(1)).as("store 1, from memory").isEqualTo(5);
        assertThat(floors(2)).isEqualTo(1);
        JournalFloors.forgetAll();
        assertThat(floors(1)).as("store 1, read back from its row").isEqualTo(5);
        assertThat(floors(2)).isEqualTo(1);
    }

    @Test
    void nothingNewerThanTheTimeGoesAndAPruneAgainChangesNothing() throws SQLException {
        assertThat(pruneAll(OLD, 100)).isZero();
        assertThat(remaining()).hasSize(9);
        assertThat(floors(1)).isZero();
        pruneAll(NEW + 1, 100);
        assertThat(remaining()).containsExactlyInAnyOrder("1/10/7", "1/11/6", "2/20/2");
        assertThat(pruneAll(NEW + 1, 100)).isZero();
        assertThat(floors(1)).as("the newest entries stay, so nothing above 5 was pruned").isEqualTo(5);
    }

    @Test
    void aFloorIsNeverLowered() throws SQLException {
        pruneAll(OLD + 1, 100);
        EntityManager em = sf.createEntityManager();
        em.getTransaction().begin();
        JournalFloors floors = new JournalFloors();
        floors.em = em;
        floors.raise(1, 3);
        em.getTransaction().commit();
        em.close();
        JournalFloors.forgetAll();
        assertThat(floors(1)).isEqualTo(5);
    }

    private int pruneAll(long before, int batch) {
        int n = 0;
        long after = 0;
        while (true) {
            EntityManager em = sf.createEntityManager();
            em.getTransaction().begin();
            JournalPruner p = new JournalPruner();
            p.em = em;
            p.floors = new JournalFloors();
            p.floors.em = em;
            JournalPruner.Batch b = p.pruneBatch(before, after, batch);
            em.getTransaction().commit();
            em.close();
            if (b.lastId() < 0) return n;
            n += b.pruned();
            after = b.lastId();
        }
    }

    private long floors(long store) {
        EntityManager em = sf.createEntityManager();
        try {
            JournalFloors f = new JournalFloors();
            f.em = em;
            return f.of(store);
        } finally {
            em.close();
        }
    }

    private List<String> remaining() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet r = st.executeQuery("SELECT store_id, parent_id, change_num FROM changes")) {
            while (r.next()) out.add(r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3));
        }
        return out;
    }

    private void journal(long store, long num, long folder, int type, long uid, long at) throws SQLException {
        sql("INSERT INTO changes (store_id, change_num, object_id, parent_id, object_type, change_type, changed,"
                + " imap_uid) VALUES (" + store + ", " + num + ", " + (100 + num) + ", " + folder + ", 5, " + type
                + ", " + at + ", " + uid + ")");
    }

    private void sql(String s) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute(s);
        }
    }
}
