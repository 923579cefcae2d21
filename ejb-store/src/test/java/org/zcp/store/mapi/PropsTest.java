package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropType;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.entity.MvPropertyRow;
import org.zcp.store.entity.PropertyRow;

class PropsTest {
    private static final int PR_IMPORTANCE = 0x00170003;
    private static final int PR_READ_RECEIPT_REQUESTED = 0x0029000B;
    private static final int PR_MESSAGE_DELIVERY_TIME = 0x0E060040;
    private static final int PR_SOME_DOUBLE = 0x66000005;
    private static final int PR_SUBJECT = 0x0037001F;
    private static final int PR_ENTRYID = 0x0FFF0102;
    private static final int PR_OBJECT = 0x3701000D;
    private static final int PR_KEYWORDS_MV = 0x6601101F;
    private static final int PR_BINARIES_MV = 0x66021102;

    private static PropValue roundTrip(PropValue v) {
        return Props.fromRow(Props.toRow(9, v));
    }

    @Test
    void longIsStoredInValLongAndRoundTrips() {
        PropertyRow row = Props.toRow(9, PropValue.ofLong(PR_IMPORTANCE, 2));

        assertThat(row.hierarchyId).isEqualTo(9);
        assertThat(row.tag).isEqualTo(PR_IMPORTANCE);
        assertThat(row.type).isEqualTo(PropType.PT_LONG);
        assertThat(row.valLong).isEqualTo(2L);
        assertThat(Props.fromRow(row)).isEqualTo(PropValue.ofLong(PR_IMPORTANCE, 2));
    }

    @Test
    void booleanGivenAsBIsStoredAsOneOrZeroAndComesBackAsB() {
        PropertyRow yes = Props.toRow(9, PropValue.ofBool(PR_READ_RECEIPT_REQUESTED, true));
        PropertyRow no = Props.toRow(9, PropValue.ofBool(PR_READ_RECEIPT_REQUESTED, false));

        assertThat(yes.valLong).isEqualTo(1L);
        assertThat(no.valLong).isEqualTo(0L);
        assertThat(Props.fromRow(yes).b).isTrue();
        assertThat(Props.fromRow(no).b).isFalse();
        assertThat(Props.fromRow(yes).l).isNull();
    }

    @Test
    void systimeIsStoredAsEpochMillisAndRoundTrips() {
        long when = 1_700_000_000_123L;

        PropertyRow row = Props.toRow(9, PropValue.ofTime(PR_MESSAGE_DELIVERY_TIME, when));

        assertThat(row.valLong).isEqualTo(when);
        assertThat(Props.fromRow(row).l).isEqualTo(when);
    }

    @Test
    void doubleIsStoredInValDoubleAndRoundTrips() {
        PropertyRow row = Props.toRow(9, PropValue.ofDouble(PR_SOME_DOUBLE, 3.25));

        assertThat(row.valDouble).isEqualTo(3.25);
        assertThat(row.valLong).isNull();
        assertThat(Props.fromRow(row).d).isEqualTo(3.25);
    }

    @Test
    void shortStringIsStoredInValStringOnly() {
        PropertyRow row = Props.toRow(9, PropValue.ofString(PR_SUBJECT, "Hello"));

        assertThat(row.valString).isEqualTo("Hello");
        assertThat(row.valText).isNull();
        assertThat(Props.fromRow(row).s).isEqualTo("Hello");
    }

    @Test
    void stringOfExactlyTheInlineLimitStaysInline() {
        String s = "x".repeat(Props.MAX_INLINE_STRING);

        PropertyRow row = Props.toRow(9, PropValue.ofString(PR_SUBJECT, s));

        assertThat(row.valString).isEqualTo(s);
        assertThat(row.valText).isNull();
    }

    @Test
    void longStringGoesToValTextWithA255CharacterPrefixInValString() {
        String s = "abcdefghij".repeat(450);

        PropertyRow row = Props.toRow(9, PropValue.ofString(PR_SUBJECT, s));

        assertThat(s.length()).isGreaterThan(Props.MAX_INLINE_STRING);
        assertThat(row.valText).isEqualTo(s);
        assertThat(row.valString).hasSize(255).isEqualTo(s.substring(0, 255));
        assertThat(Props.fromRow(row).s).isEqualTo(s);
    }

    @Test
    void binaryIsStoredInValBinaryAndRoundTrips() {
        byte[] bin = {0, 1, 2, (byte) 0xFF};

        PropertyRow row = Props.toRow(9, PropValue.ofBinary(PR_ENTRYID, bin));

        assertThat(row.valBinary).containsExactly(bin);
        assertThat(roundTrip(PropValue.ofBinary(PR_ENTRYID, bin)).bin).containsExactly(bin);
    }

    @Test
    void valueMissingForItsTypeIsAnInvalidParameter() {
        assertInvalidParameter(PropValue.ofString(PR_IMPORTANCE, "2"));
        assertInvalidParameter(PropValue.ofLong(PR_SUBJECT, 2));
        assertInvalidParameter(PropValue.ofLong(PR_SOME_DOUBLE, 2));
        assertInvalidParameter(PropValue.ofString(PR_ENTRYID, "00"));
        PropValue empty = new PropValue();
        empty.tag = PR_READ_RECEIPT_REQUESTED;
        assertInvalidParameter(empty);
    }

    private static void assertInvalidParameter(PropValue v) {
        assertThatThrownBy(() -> Props.toRow(9, v))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_PARAMETER));
    }

    @Test
    void unsupportedTypeIsAnInvalidType() {
        PropValue obj = PropValue.ofBinary(PR_OBJECT, new byte[1]);

        assertThatThrownBy(() -> Props.toRow(9, obj))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_TYPE));
    }

    @Test
    void multiValuedStringsRoundTripInOrder() {
        PropValue v = PropValue.ofStrings(PR_KEYWORDS_MV, List.of("red", "green", "blue"));

        List<MvPropertyRow> rows = Props.toMvRows(9, v);

        assertThat(rows).extracting(r -> r.orderId).containsExactly(0, 1, 2);
        assertThat(rows).extracting(r -> r.valString).containsExactly("red", "green", "blue");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.hierarchyId).isEqualTo(9);
            assertThat(r.tag).isEqualTo(PR_KEYWORDS_MV);
            assertThat(r.type).isEqualTo(PR_KEYWORDS_MV & 0xFFFF);
        });
        assertThat(Props.fromMvRows(PR_KEYWORDS_MV, rows).mvs).containsExactly("red", "green", "blue");
    }

    @Test
    void multiValuedBinariesRoundTripInOrder() {
        byte[] a = {1, 2};
        byte[] b = {3};

        List<MvPropertyRow> rows = Props.toMvRows(9, PropValue.ofBinaries(PR_BINARIES_MV, List.of(a, b)));
        PropValue back = Props.fromMvRows(PR_BINARIES_MV, rows);

        assertThat(rows).hasSize(2);
        assertThat(back.mvbin).containsExactly(a, b);
    }

    @Test
    void multiValuedPropertyWithoutValuesOfItsTypeIsAnInvalidParameter() {
        PropValue wrong = PropValue.ofBinaries(PR_KEYWORDS_MV, List.of(new byte[1]));

        assertThatThrownBy(() -> Props.toMvRows(9, wrong))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_PARAMETER));
    }

    @Test
    void sizeCountsTwoBytesPerCharacterBinaryLengthAndEightForScalars() {
        assertThat(PropValue.ofString(PR_SUBJECT, "abc").octets()).isEqualTo(6);
        assertThat(PropValue.ofBinary(PR_ENTRYID, new byte[10]).octets()).isEqualTo(10);
        assertThat(PropValue.ofLong(PR_IMPORTANCE, 1).octets()).isEqualTo(8);
        assertThat(PropValue.ofBool(PR_READ_RECEIPT_REQUESTED, true).octets()).isEqualTo(8);
        assertThat(PropValue.ofStrings(PR_KEYWORDS_MV, List.of("ab", "cde")).octets()).isEqualTo(10);
        assertThat(PropValue.ofBinaries(PR_BINARIES_MV, List.of(new byte[3], new byte[4])).octets()).isEqualTo(7);
    }
}
