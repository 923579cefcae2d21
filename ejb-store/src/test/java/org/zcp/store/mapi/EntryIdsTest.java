package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;

class EntryIdsTest {
    private static final String GUID = "0123456789ABCDEF0123456789ABCDEF";

    @Test
    void hexEntryIdRoundTripsStoreGuidAndObjectId() {
        String hex = EntryIds.hex(GUID, 123_456_789_012L);

        EntryIds.Parsed parsed = EntryIds.parse(hex);

        assertThat(hex).hasSize(EntryIds.LENGTH * 2).isUpperCase();
        assertThat(hex).startsWith("00000000" + GUID);
        assertThat(parsed.storeGuid()).isEqualTo(GUID);
        assertThat(parsed.objectId()).isEqualTo(123_456_789_012L);
    }

    @Test
    void lowerCaseHexIsAcceptedAndGuidComesBackUpperCase() {
        String hex = EntryIds.hex(GUID, 42).toLowerCase();

        EntryIds.Parsed parsed = EntryIds.parse(hex);

        assertThat(parsed).isEqualTo(new EntryIds.Parsed(GUID, 42));
    }

    @Test
    void binaryEntryIdRoundTrips() {
        byte[] raw = EntryIds.bytes(GUID, 7);

        assertThat(raw).hasSize(EntryIds.LENGTH);
        assertThat(EntryIds.parse(raw)).isEqualTo(new EntryIds.Parsed(GUID, 7));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "00",
            "00000000" + GUID + "000000000000002",
            "00000000" + GUID + "00000000000000020",
            "00000000" + GUID + "000000000000000Z",
            "ZZ000000" + GUID + "0000000000000002"
    })
    void malformedOrWrongLengthHexIsAnInvalidEntryId(String hex) {
        assertThatThrownBy(() -> EntryIds.parse(hex))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_ENTRYID));
    }

    @Test
    void wrongLengthBinaryIsAnInvalidEntryId() {
        assertThatThrownBy(() -> EntryIds.parse(new byte[EntryIds.LENGTH - 1]))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_ENTRYID));
        assertThatThrownBy(() -> EntryIds.parse((byte[]) null))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_INVALID_ENTRYID));
    }

    @Test
    void newGuidIs32UpperCaseHexCharactersAndUnique() {
        String guid = EntryIds.newGuid();

        assertThat(guid).matches("[0-9A-F]{32}");
        assertThat(EntryIds.newGuid()).isNotEqualTo(guid);
    }

    @Test
    void sourceKeyIs22BytesStartingWithTheStoreGuid() {
        byte[] key = EntryIds.sourceKey(GUID, 0x01020304L);

        assertThat(key).hasSize(22);
        assertThat(java.util.HexFormat.of().withUpperCase().formatHex(key))
                .isEqualTo(GUID + "040302010000");
    }
}
