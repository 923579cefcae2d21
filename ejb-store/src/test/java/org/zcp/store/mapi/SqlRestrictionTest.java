package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Restriction;
import org.zcp.store.StoreException;
import org.zcp.store.db.SchemaMigrator;

/**
 * Runs the generated SQL conditions against the real V1 schema (migrated by Flyway) in H2's MySQL
 * mode, so every assertion is about which rows a restriction selects.
 */
class SqlRestrictionTest {
    private static final int PR_BODY = 0x1000001F;
    private static final int PR_CUSTOM_FLAGS = 0x66110003;

    private static final long FOLDER = 10;
    private static final long OTHER_FOLDER = 90;
    /** Read, subject "Quarterly report", delivered at 1000, importance 2, custom flags 6. */
    private static final long M1 = 11;
    /** Unread, subject "50% off_sale", delivered at 2000, importance 1, custom flags 1. */
    private static final long M2 = 12;
    /** Read with attachment, subject "Re: quarterly REPORT draft", never delivered, no importance. */
    private static final long M3 = 13;
    /** Unread with attachment, subject "500 offXsale", delivered at 3000, importance 0. */
    private static final long M4 = 14;
    /** Associated (flags 0x40), unsent, subject "Wow! 100%", delivered at 4000, no importance. */
    private static final long M5 = 15;
    /** In another folder: must never be selected by the parent filter. */
    private static final long ELSEWHERE = 91;

    /** Messages of the quick-search tests, in their own folder (the others' expectations stay). */
    private static final long SEARCH_FOLDER = 30;
    private static final long S1 = 31;
    private static final long S2 = 32;
    private static final long S3 = 33;
    private static final long S4 = 34;

    private static Connection db;

    @BeforeAll
    static void migrateSchemaAndInsertRows() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        SchemaMigrator.migrate(ds);
        db = ds.getConnection();

        folder(FOLDER, "Inbox", "IPF.Note");
        folder(OTHER_FOLDER, "Sent Items", "IPF.Note");
        message(M1, FOLDER, 0x00, "Quarterly report", 1000L, PropTag.MSGFLAG_READ);
        message(M2, FOLDER, 0xBF, "50% off_sale", 2000L, 0);
        message(M3, FOLDER, 0x80, "Re: quarterly REPORT draft", null,
                PropTag.MSGFLAG_READ | PropTag.MSGFLAG_HASATTACH);
        message(M4, FOLDER, 0x400, "500 offXsale", 3000L, PropTag.MSGFLAG_HASATTACH);
        message(M5, FOLDER, 0x40, "Wow! 100%", 4000L, PropTag.MSGFLAG_UNSENT);
        message(ELSEWHERE, OTHER_FOLDER, 0, "Quarterly report", 1000L, PropTag.MSGFLAG_READ);

        longProp(M1, PropTag.PR_IMPORTANCE, 2);
        longProp(M2, PropTag.PR_IMPORTANCE, 1);
        longProp(M4, PropTag.PR_IMPORTANCE, 0);
        longProp(ELSEWHERE, PropTag.PR_IMPORTANCE, 2);
        longProp(M1, PR_CUSTOM_FLAGS, 6);
        longProp(M2, PR_CUSTOM_FLAGS, 1);
        searchable(S1, "Lunch plans", "Ann Smith", "ann@example.org", "Bob");
        // a subject longer than the hot column's 255 characters, the needle beyond them
        searchable(S2, "x".repeat(300) + " Needle in the tail", "Carl", "carl@example.org", "Dora");
        // a To line longer than 255 characters, the needle beyond them
        searchable(S3, "Other", "Gina", "np@example.org", "Someone, ".repeat(40) + "Needle Person");
        searchable(S4, "Status", "Fred", "fred@example.org", "The needle team");
        String longBody = "lorem ipsum ".repeat(400) + "hidden needle";
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO properties (hierarchy_id, tag, type, val_string, val_text) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, M1);
            ps.setInt(2, PR_BODY);
            ps.setInt(3, 0x001F);
            ps.setString(4, longBody.substring(0, 255));
            ps.setString(5, longBody);
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static void folder(long id, String name, String containerClass) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO hierarchy (id, parent_id, store_id, type, created,"
                + " modified, display_name, container_class) VALUES (?, 0, 1, 3, 1, 1, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, containerClass);
            ps.executeUpdate();
        }
    }

    private static void message(long id, long parent, int flags, String subject, Long deliveryTime, int msgFlags)
            throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO hierarchy (id, parent_id, store_id, type, created,"
                + " modified, subject, message_class, delivery_time, msg_size, msg_flags, flags)"
                + " VALUES (?, ?, 1, 5, 1, 1, ?, 'IPM.Note', ?, 100, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, parent);
            ps.setString(3, subject);
            ps.setObject(4, deliveryTime);
            ps.setInt(5, msgFlags);
            ps.setInt(6, flags);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO properties (hierarchy_id, tag, type, val_string) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, PropTag.PR_SUBJECT);
            ps.setInt(3, 0x001F);
            ps.setString(4, subject);
            ps.executeUpdate();
        }
    }

    private static void searchable(long id, String subject, String sender, String email, String to) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO hierarchy (id, parent_id, store_id, type, created,"
                + " modified, subject, sender_name, sender_email, display_to, message_class, msg_size, msg_flags, flags)"
                + " VALUES (?, ?, 1, 5, 1, 1, ?, ?, ?, ?, 'IPM.Note', 100, 0, 0)")) {
            ps.setLong(1, id);
            ps.setLong(2, SEARCH_FOLDER);
            ps.setString(3, ObjectStore.truncate(subject));
            ps.setString(4, ObjectStore.truncate(sender));
            ps.setString(5, ObjectStore.truncate(email));
            ps.setString(6, ObjectStore.truncate(to));
            ps.executeUpdate();
        }
        stringProp(id, PropTag.PR_SUBJECT, subject);
        stringProp(id, PropTag.PR_SENDER_NAME, sender);
        stringProp(id, PropTag.PR_SENDER_EMAIL_ADDRESS, email);
        stringProp(id, PropTag.PR_DISPLAY_TO, to);
    }

    private static void stringProp(long id, int tag, String value) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO properties (hierarchy_id, tag, type, val_string, val_text) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, tag);
            ps.setInt(3, 0x001F);
            ps.setString(4, value.length() > 255 ? value.substring(0, 255) : value);
            ps.setString(5, value.length() > 255 ? value : null);
            ps.executeUpdate();
        }
    }

    private static void longProp(long id, int tag, long value) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(
                "INSERT INTO properties (hierarchy_id, tag, type, val_long) VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, tag);
            ps.setInt(3, tag & 0xFFFF);
            ps.setLong(4, value);
            ps.executeUpdate();
        }
    }

    /** Ids of FOLDER's children that the restriction selects, as the table service would query them. */
    private static List<Long> select(Restriction r) {
        return select(FOLDER, r, false);
    }

    private static List<Long> select(long parent, Restriction r, boolean folders) {
        List<Object> params = new ArrayList<>();
        params.add(parent);
        String where = new SqlRestriction(params, folders).toSql(r);
        return query("SELECT h.id FROM hierarchy h WHERE h.parent_id = ? AND " + where + " ORDER BY h.id", params);
    }

    private static List<Long> query(String sql, List<Object> params) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    private static PropValue delivery(long t) {
        return PropValue.ofTime(PropTag.PR_MESSAGE_DELIVERY_TIME, t);
    }

    private static PropValue importance(long v) {
        return PropValue.ofLong(PropTag.PR_IMPORTANCE, v);
    }

    private static PropValue subject(String s) {
        return PropValue.ofString(PropTag.PR_SUBJECT, s);
    }

    // --- PROPERTY ---------------------------------------------------------------------------

    @Test
    void restrictionOnHotColumnUsesTheColumnAndOneParameter() {
        List<Object> params = new ArrayList<>();

        String sql = new SqlRestriction(params, false).toSql(Restriction.property("GE", delivery(2000)));

        assertThat(sql).isEqualTo("(h.delivery_time IS NOT NULL AND h.delivery_time >= ?)");
        assertThat(params).containsExactly(2000L);
    }

    @Test
    void restrictionOnNonHotPropertyQueriesPropertyRowsWithTagThenValue() {
        List<Object> params = new ArrayList<>();

        String sql = new SqlRestriction(params, false).toSql(Restriction.property("EQ", importance(2)));

        assertThat(sql).contains("FROM properties p").contains("p.val_long = ?");
        assertThat(params).containsExactly(PropTag.PR_IMPORTANCE, 2L);
    }

    @Test
    void everyRelopOnHotDeliveryTimeSelectsTheMatchingMessages() {
        assertThat(select(Restriction.property("LT", delivery(2000)))).containsExactly(M1);
        assertThat(select(Restriction.property("LE", delivery(2000)))).containsExactly(M1, M2);
        assertThat(select(Restriction.property("GT", delivery(2000)))).containsExactly(M4, M5);
        assertThat(select(Restriction.property("GE", delivery(2000)))).containsExactly(M2, M4, M5);
        assertThat(select(Restriction.property("EQ", delivery(2000)))).containsExactly(M2);
        assertThat(select(Restriction.property("NE", delivery(2000)))).containsExactly(M1, M4, M5);
    }

    @Test
    void relopIsCaseInsensitive() {
        assertThat(select(Restriction.property("ge", delivery(3000)))).containsExactly(M4, M5);
    }

    @Test
    void everyRelopOnNonHotImportanceSelectsOnlyMessagesHavingTheProperty() {
        assertThat(select(Restriction.property("EQ", importance(2)))).containsExactly(M1);
        assertThat(select(Restriction.property("GT", importance(0)))).containsExactly(M1, M2);
        assertThat(select(Restriction.property("GE", importance(0)))).containsExactly(M1, M2, M4);
        assertThat(select(Restriction.property("LT", importance(2)))).containsExactly(M2, M4);
        assertThat(select(Restriction.property("LE", importance(1)))).containsExactly(M2, M4);
        assertThat(select(Restriction.property("NE", importance(2)))).containsExactly(M2, M4);
    }

    @Test
    void propertyRestrictionOnAStringComparesValString() {
        assertThat(select(Restriction.property("EQ", subject("500 offXsale")))).containsExactly(M4);
        assertThat(select(Restriction.property("GE", subject("Re:")))).containsExactly(M3, M5);
    }

    @Test
    void propertyRestrictionOnHotMessageClassUsesTheColumn() {
        PropValue cls = PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Note");

        assertThat(select(Restriction.property("EQ", cls))).containsExactly(M1, M2, M3, M4, M5);
    }

    @Test
    void propertyRestrictionWithoutValueIsAnInvalidParameter() {
        Restriction r = Restriction.property("EQ", importance(1));
        r.value = null;

        assertStoreError(r, MapiError.MAPI_E_INVALID_PARAMETER);
    }

    @Test
    void propertyRestrictionWithAnEmptyValueIsAnInvalidParameter() {
        PropValue empty = new PropValue();
        empty.tag = PropTag.PR_IMPORTANCE;

        assertStoreError(Restriction.property("EQ", empty), MapiError.MAPI_E_INVALID_PARAMETER);
    }

    // --- CONTENT ----------------------------------------------------------------------------

    @Test
    void substringIgnoreCaseMatchesAnyCase() {
        assertThat(select(Restriction.content("SUBSTRING|IGNORECASE", subject("REPORT")))).containsExactly(M1, M3);
    }

    @Test
    void substringWithoutIgnoreCaseIsCaseSensitive() {
        assertThat(select(Restriction.content("SUBSTRING", subject("report")))).containsExactly(M1);
        assertThat(select(Restriction.content("SUBSTRING", subject("REPORT")))).containsExactly(M3);
    }

    @Test
    void prefixMatchesOnlyAtTheStart() {
        assertThat(select(Restriction.content("PREFIX", subject("Re:")))).containsExactly(M3);
        assertThat(select(Restriction.content("PREFIX", subject("quarterly")))).isEmpty();
        assertThat(select(Restriction.content("PREFIX|IGNORECASE", subject("quarterly")))).containsExactly(M1);
    }

    @Test
    void fullStringMatchesTheWholeValueOnly() {
        assertThat(select(Restriction.content("FULLSTRING", subject("Quarterly report")))).containsExactly(M1);
        assertThat(select(Restriction.content("FULLSTRING", subject("Quarterly")))).isEmpty();
        assertThat(select(Restriction.content("FULLSTRING|IGNORECASE", subject("QUARTERLY REPORT"))))
                .containsExactly(M1);
    }

    @Test
    void missingFuzzyLevelMeansFullString() {
        assertThat(select(Restriction.content(null, subject("Wow! 100%")))).containsExactly(M5);
        assertThat(select(Restriction.content(null, subject("Wow")))).isEmpty();
    }

    @Test
    void percentAndUnderscoreInTheNeedleAreLiteralNotWildcards() {
        assertThat(select(Restriction.content("SUBSTRING", subject("0% off_")))).containsExactly(M2);
        assertThat(select(Restriction.content("PREFIX", subject("50_")))).isEmpty();
        assertThat(select(Restriction.content("SUBSTRING", subject("%")))).containsExactly(M2, M5);
        assertThat(select(Restriction.content("SUBSTRING", subject("_")))).containsExactly(M2);
    }

    @Test
    void escapeCharacterInTheNeedleIsLiteral() {
        assertThat(select(Restriction.content("SUBSTRING", subject("! 1")))).containsExactly(M5);
        assertThat(select(Restriction.content("SUBSTRING", subject("!")))).containsExactly(M5);
        assertThat(SqlRestriction.escapeLike("a!b%c_d")).isEqualTo("a!!b!%c!_d");
    }

    @Test
    void contentSearchesTheFullTextOfLongStringsNotJustTheSortPrefix() {
        PropValue needle = PropValue.ofString(PR_BODY, "hidden needle");

        assertThat(select(Restriction.content("SUBSTRING", needle))).containsExactly(M1);
    }

    @Test
    void contentOnHotMessageClassUsesTheColumn() {
        List<Object> params = new ArrayList<>();
        Restriction r = Restriction.content("PREFIX|IGNORECASE", PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "ipm."));

        String sql = new SqlRestriction(params, false).toSql(r);

        assertThat(sql).isEqualTo("(h.message_class IS NOT NULL AND LOWER(h.message_class) LIKE ? ESCAPE '!')");
        assertThat(params).containsExactly("ipm.%");
        assertThat(select(r)).containsExactly(M1, M2, M3, M4, M5);
    }

    /** The web client's quick search: one text in the subject, the sender's name and address and the To line. */
    private static Restriction quickSearch(String text) {
        return Restriction.or(
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_SUBJECT, text)),
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_SENDER_NAME, text)),
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_SENDER_EMAIL_ADDRESS, text)),
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_DISPLAY_TO, text)));
    }

    @Test
    void oneTextInSeveralPropertiesShouldFindEachWayItCanMatch() {
        assertThat(select(SEARCH_FOLDER, quickSearch("NEEDLE"), false)).containsExactly(S2, S3, S4);
        assertThat(select(SEARCH_FOLDER, quickSearch("ann@"), false)).containsExactly(S1);
        assertThat(select(SEARCH_FOLDER, quickSearch("lunch"), false)).containsExactly(S1);
        assertThat(select(SEARCH_FOLDER, quickSearch("carl"), false)).containsExactly(S2);
        assertThat(select(SEARCH_FOLDER, quickSearch("nobody"), false)).isEmpty();
        // another text in the OR is a restriction of its own
        Restriction mixed = Restriction.or(
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_SUBJECT, "lunch")),
                Restriction.content("SUBSTRING|IGNORECASE", PropValue.ofString(PropTag.PR_DISPLAY_TO, "needle")));
        assertThat(select(SEARCH_FOLDER, mixed, false)).containsExactly(S1, S3, S4);
        assertThat(select(SEARCH_FOLDER, Restriction.not(quickSearch("needle")), false)).containsExactly(S1);
    }

    @Test
    void oneTextInSeveralPropertiesShouldReadTheHotColumnsAndThePropertyRowsOnce() {
        List<Object> params = new ArrayList<>();

        String sql = new SqlRestriction(params, false).toSql(quickSearch("needle"));

        assertThat(sql).contains("LOWER(h.subject) LIKE ?", "LOWER(h.sender_name) LIKE ?", "LOWER(h.sender_email) LIKE ?",
                "LOWER(h.display_to) LIKE ?").containsPattern("CHAR_LENGTH\\(h.subject\\) < 255");
        assertThat(params).containsExactly("%needle%", PropTag.PR_SUBJECT, "%needle%", "%needle%", PropTag.PR_SENDER_NAME,
                "%needle%", "%needle%", PropTag.PR_SENDER_EMAIL_ADDRESS, "%needle%", "%needle%", PropTag.PR_DISPLAY_TO,
                "%needle%");
        // another tag with the same text still goes to the property rows, once for all of them
        params.clear();
        String more = new SqlRestriction(params, false).toSql(Restriction.or(
                Restriction.content("SUBSTRING", PropValue.ofString(PR_BODY, "needle")),
                Restriction.content("SUBSTRING", PropValue.ofString(PropTag.PR_DISPLAY_CC, "needle"))));
        assertThat(more).contains("p.tag IN (?, ?)");
        assertThat(params).containsExactly(PR_BODY, PropTag.PR_DISPLAY_CC, "%needle%");
    }

    @Test
    void contentWithoutAStringValueIsAnInvalidParameter() {
        assertStoreError(Restriction.content("SUBSTRING", importance(1)), MapiError.MAPI_E_INVALID_PARAMETER);
    }

    // --- EXIST ------------------------------------------------------------------------------

    @Test
    void existOnHotColumnSelectsRowsWhereTheColumnIsNotNull() {
        assertThat(select(Restriction.exist(PropTag.PR_MESSAGE_DELIVERY_TIME))).containsExactly(M1, M2, M4, M5);
    }

    @Test
    void existOnNonHotTagSelectsRowsHavingAPropertyRow() {
        assertThat(select(Restriction.exist(PropTag.PR_IMPORTANCE))).containsExactly(M1, M2, M4);
        assertThat(select(Restriction.exist(PR_BODY))).containsExactly(M1);
    }

    // --- BITMASK ----------------------------------------------------------------------------

    @Test
    void bitmaskNeOnMessageFlagsSelectsReadMessages() {
        assertThat(select(Restriction.bitmask("NE", PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ)))
                .containsExactly(M1, M3);
    }

    @Test
    void bitmaskEqOnMessageFlagsSelectsUnreadMessages() {
        assertThat(select(Restriction.bitmask("EQ", PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ)))
                .containsExactly(M2, M4, M5);
    }

    @Test
    void multiBitMaskNeSelectsRowsWithAnyOfTheBitsAndEqRowsWithNone() {
        long mask = PropTag.MSGFLAG_READ | PropTag.MSGFLAG_HASATTACH;

        assertThat(select(Restriction.bitmask("NE", PropTag.PR_MESSAGE_FLAGS, mask))).containsExactly(M1, M3, M4);
        assertThat(select(Restriction.bitmask("EQ", PropTag.PR_MESSAGE_FLAGS, mask))).containsExactly(M2, M5);
    }

    @Test
    void bitmaskNeOnNonHotPropertyTestsValLong() {
        assertThat(select(Restriction.bitmask("NE", PR_CUSTOM_FLAGS, 4))).containsExactly(M1);
        assertThat(select(Restriction.bitmask("NE", PR_CUSTOM_FLAGS, 1))).containsExactly(M2);
        assertThat(select(Restriction.bitmask("NE", PR_CUSTOM_FLAGS, 8))).isEmpty();
    }

    @Test
    void bitmaskWithAnEmptyMaskIsAnInvalidParameter() {
        assertStoreError(Restriction.bitmask("NE", PropTag.PR_MESSAGE_FLAGS, 0), MapiError.MAPI_E_INVALID_PARAMETER);
    }

    // --- AND / OR / NOT ---------------------------------------------------------------------

    @Test
    void andOfOrCombinesHotAndPropertyConditions() {
        Restriction r = Restriction.and(
                Restriction.exist(PropTag.PR_IMPORTANCE),
                Restriction.or(
                        Restriction.bitmask("NE", PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_READ),
                        Restriction.property("GE", delivery(3000))));

        assertThat(select(r)).containsExactly(M1, M4);
    }

    @Test
    void notInvertsAPropertyRowCondition() {
        Restriction r = Restriction.not(Restriction.content("SUBSTRING|IGNORECASE", subject("report")));

        assertThat(select(r)).containsExactly(M2, M4, M5);
    }

    @Test
    void notOfAndOfNotNestsCorrectly() {
        Restriction r = Restriction.not(Restriction.and(
                Restriction.not(Restriction.exist(PropTag.PR_IMPORTANCE)),
                Restriction.bitmask("NE", PropTag.PR_MESSAGE_FLAGS, PropTag.MSGFLAG_HASATTACH)));

        assertThat(select(r)).containsExactly(M1, M2, M4, M5);
    }

    @Test
    void parametersAreCollectedInTheOrderOfTheirPlaceholders() {
        Restriction r = Restriction.or(
                Restriction.property("EQ", importance(1)),
                Restriction.and(Restriction.property("LT", delivery(1500)),
                        Restriction.content("PREFIX", subject("Quarterly"))));
        List<Object> params = new ArrayList<>();

        new SqlRestriction(params, false).toSql(r);

        // the subject: its hot column when shorter than 255 characters, else its property row
        assertThat(params).containsExactly(PropTag.PR_IMPORTANCE, 1L, 1500L, "Quarterly%", PropTag.PR_SUBJECT, "Quarterly%");
        assertThat(select(r)).containsExactly(M1, M2);
    }

    @Test
    void emptyAndSelectsEverythingAndEmptyOrNothing() {
        assertThat(select(Restriction.and())).containsExactly(M1, M2, M3, M4, M5);
        assertThat(select(Restriction.or())).isEmpty();
    }

    @Test
    void folderRestrictionsUseTheFolderHotColumns() {
        Restriction r = Restriction.content("PREFIX", PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Inb"));

        assertThat(select(0, r, true)).containsExactly(FOLDER);
        assertThat(select(0, Restriction.exist(PropTag.PR_CONTAINER_CLASS), true)).containsExactly(FOLDER, OTHER_FOLDER);
    }

    // --- invalid restrictions ---------------------------------------------------------------

    @Test
    void restrictionWithoutTypeIsAnInvalidParameter() {
        assertStoreError(new Restriction(), MapiError.MAPI_E_INVALID_PARAMETER);
        assertStoreError(Restriction.and(new Restriction()), MapiError.MAPI_E_INVALID_PARAMETER);
        assertStoreError(null, MapiError.MAPI_E_INVALID_PARAMETER);
    }

    @Test
    void unknownOrMissingRelopIsAnInvalidParameter() {
        assertStoreError(Restriction.property("LIKE", importance(1)), MapiError.MAPI_E_INVALID_PARAMETER);
        assertStoreError(Restriction.property(null, delivery(1)), MapiError.MAPI_E_INVALID_PARAMETER);
    }

    @Test
    void unknownRestrictionTypeIsTooComplex() {
        Restriction r = new Restriction();
        r.type = "SUBRESTRICTION";

        assertStoreError(r, MapiError.MAPI_E_TOO_COMPLEX);
    }

    @Test
    void notWithoutExactlyOneSubIsAnInvalidParameter() {
        Restriction r = Restriction.not(Restriction.exist(PropTag.PR_IMPORTANCE));
        r.subs.add(Restriction.exist(PR_BODY));

        assertStoreError(r, MapiError.MAPI_E_INVALID_PARAMETER);
    }

    @Test
    void nestingUpTo32LevelsIsAcceptedAndDeeperIsTooComplex() {
        assertThat(select(nested(32))).containsExactly(M1, M2, M4);
        assertStoreError(nested(33), MapiError.MAPI_E_TOO_COMPLEX);
        assertStoreError(nested(100), MapiError.MAPI_E_TOO_COMPLEX);
    }

    /** EXIST(PR_IMPORTANCE) under {@code levels} alternating AND/OR wrappers. */
    private static Restriction nested(int levels) {
        Restriction r = Restriction.exist(PropTag.PR_IMPORTANCE);
        for (int i = 0; i < levels; i++) r = i % 2 == 0 ? Restriction.and(r) : Restriction.or(r);
        return r;
    }

    private static void assertStoreError(Restriction r, MapiError expected) {
        assertThatThrownBy(() -> new SqlRestriction(new ArrayList<>(), false).toSql(r))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.error()).isEqualTo(expected));
    }

    // --- portable SQL the table service relies on -------------------------------------------

    @Test
    void modFloorOnFlagsSelectsAssociatedMessagesOnly() {
        List<Object> params = List.of(FOLDER);

        assertThat(query("SELECT h.id FROM hierarchy h WHERE h.parent_id = ? AND MOD(FLOOR(h.flags / 64), 2) = 1"
                + " ORDER BY h.id", params)).containsExactly(M5);
        assertThat(query("SELECT h.id FROM hierarchy h WHERE h.parent_id = ? AND MOD(FLOOR(h.flags / 64), 2) = 0"
                + " ORDER BY h.id", params)).containsExactly(M1, M2, M3, M4);
    }

    // --- MAPI semantics of missing properties and unsigned flags --------------------------------

    @Test
    void notOfARestrictionOnAMissingHotValueIsTrue() {
        // M3 was never delivered: "delivered before 2000" is false for it, so NOT of it is true
        Restriction before = Restriction.property("LT", delivery(2000));

        assertThat(select(Restriction.not(before))).contains(M3).doesNotContain(M1);
    }

    @Test
    void bitmaskOnAMissingPropertyMatchesNeitherEqNorNe() {
        // only M1 (6) and M2 (1) carry PR_CUSTOM_FLAGS
        assertThat(select(Restriction.bitmask("EQ", PR_CUSTOM_FLAGS, 1))).containsExactly(M1);
        assertThat(select(Restriction.bitmask("NE", PR_CUSTOM_FLAGS, 1))).containsExactly(M2);
    }

    @Test
    void bitmaskReadsSignedValuesAsUnsigned32Bits() throws SQLException {
        longProp(M4, PR_CUSTOM_FLAGS, (int) 0x80000001);
        try {
            assertThat(select(Restriction.bitmask("NE", PR_CUSTOM_FLAGS, 0x80000000L))).containsExactly(M4);
            assertThat(select(Restriction.bitmask("NE", PR_CUSTOM_FLAGS, 1))).containsExactlyInAnyOrder(M2, M4);
        } finally {
            try (PreparedStatement ps = db.prepareStatement(
                    "DELETE FROM properties WHERE hierarchy_id = ? AND tag = ?")) {
                ps.setLong(1, M4);
                ps.setInt(2, PR_CUSTOM_FLAGS);
                ps.executeUpdate();
            }
        }
    }

    @Test
    void bitmaskWithAnotherRelopIsRefused() {
        assertThatThrownBy(() -> new SqlRestriction(new ArrayList<>(), false)
                .toSql(Restriction.bitmask("GT", PR_CUSTOM_FLAGS, 1)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_PARAMETER));
    }

    @Test
    void propertyEqualityComparesWholeLongStrings() {
        String longBody = "lorem ipsum ".repeat(400) + "hidden needle";

        assertThat(select(Restriction.property("EQ", PropValue.ofString(PR_BODY, longBody)))).containsExactly(M1);
    }
}
