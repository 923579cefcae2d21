package org.zcp.store.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Creates and upgrades the schema with Flyway at start (manual 4.1: "It will create a database
 * and the tables it needs at first start"). Migrations are listed explicitly rather than scanned,
 * because classpath scanning inside a deployment's virtual file system is fragile.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {
    /** Every migration, in order. Add new files here. */
    static final List<String> MIGRATIONS = List.of("V1__store_schema.sql", "V2__message_id.sql", "V3__mail_flow.sql",
            "V4__journal_uid.sql", "V5__imap_indexes.sql",
            "V6__imap_email_size.sql", "V7__named_property_creator.sql", "V8__raw_queue_hash.sql",
            "V9__named_property_lock.sql", "V10__recent_uid.sql", "V11__flag_columns.sql",
            "V12__fewer_indexes.sql", "V13__journal_floor.sql", "V14__search_columns.sql");
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/ZarafaDS")
    DataSource dataSource;

    private volatile String serverGuid;

    @PostConstruct
    void migrate() {
        migrate(dataSource);
        identityCaches(dataSource);
        serverGuid = ensureServerGuid(dataSource);
    }

    /** Tables whose ids come from an identity column, most inserted first. */
    static final List<String> IDENTITY_TABLES = List.of("changes", "hierarchy", "outgoingqueue", "names", "stores",
            "users");

    /**
     * H2 keeps an identity column's next value in its schema and writes it (a commit of the whole
     * database file) each time its cache of 32 values is used up: a STORE on
     * 1,000 messages (1,000 journal rows) wrote the database 31 times. With 1,000 values cached a
     * crash skips at most that many ids. MariaDB keeps AUTO_INCREMENT in memory; nothing to do.
     */
    static void identityCaches(DataSource ds) {
        try (java.sql.Connection c = ds.getConnection()) {
            if (!"H2".equals(c.getMetaData().getDatabaseProductName())) return;
            try (java.sql.Statement st = c.createStatement()) {
                for (String t : IDENTITY_TABLES) st.execute("ALTER TABLE " + t + " ALTER COLUMN id SET CACHE 1000");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot set the identity caches: " + e.getMessage(), e);
        }
    }

    /** The GUID of this server's database, made at the first start (settings: server_guid). */
    public String serverGuid() {
        return serverGuid;
    }

    static String ensureServerGuid(DataSource ds) {
        try (java.sql.Connection c = ds.getConnection()) {
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT val FROM settings WHERE name = 'server_guid'");
                    java.sql.ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getString(1);
            }
            String guid = java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase();
            try (java.sql.PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO settings (name, val) VALUES ('server_guid', ?)")) {
                ps.setString(1, guid);
                ps.executeUpdate();
            }
            return guid;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read or create the server GUID: " + e.getMessage(), e);
        }
    }

    public static void migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .resourceProvider(new ListedResources())
                .table("schema_version")
                .baselineOnMigrate(false)
                .load();
        refuseNewer(flyway);
        var result = flyway.migrate();
        LOG.info("database schema at version " + flyway.info().current().getVersion() + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    /** The newest schema version this build knows: the last of {@link #MIGRATIONS}. */
    static int knownVersion() {
        String last = MIGRATIONS.get(MIGRATIONS.size() - 1);
        return Integer.parseInt(last.substring(1, last.indexOf("__")));
    }

    /**
     * A downgrade (manual chapter 3 knows only upgrades): a database that a newer build has
     * migrated further than this one knows is refused before anything is written, instead of
     * being used by code that does not know its tables.
     */
    static void refuseNewer(Flyway flyway) {
        var current = flyway.info().current();
        if (current == null || current.getVersion() == null) return;
        int version = Integer.parseInt(current.getVersion().getVersion().split("\\.")[0]);
        if (version > knownVersion()) {
            throw new IllegalStateException("the database is at schema version " + version
                    + ", written by a newer ZCP; this build knows versions up to " + knownVersion()
                    + ". A downgrade is not possible: install the newer build again (nothing was changed)");
        }
    }

    private static final class ListedResources implements ResourceProvider {
        @Override
        public LoadableResource getResource(String name) {
            for (String m : MIGRATIONS) {
                if (m.equals(name) || ("db/migration/" + m).equals(name)) return new Migration(m);
            }
            return null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> found = new ArrayList<>();
            for (String m : MIGRATIONS) {
                if (!m.startsWith(prefix)) continue;
                for (String s : suffixes) {
                    if (m.endsWith(s)) {
                        found.add(new Migration(m));
                        break;
                    }
                }
            }
            return found;
        }
    }

    private static final class Migration extends LoadableResource {
        private final String name;

        Migration(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream("db/migration/" + name)) {
                if (in == null) throw new IllegalStateException("migration db/migration/" + name + " is missing");
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read migration " + name, e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return "db/migration/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }

}
