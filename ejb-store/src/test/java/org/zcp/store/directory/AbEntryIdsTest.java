package org.zcp.store.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The address book's entry ids: entries by object id, containers by company or address-list name. */
class AbEntryIdsTest {

    @Test
    void anEntrysIdNamesItsObjectAndType() {
        byte[] id = AbEntryIds.of(AbEntryIds.MAPI_MAILUSER, 0x1234);
        assertThat(HexFormat.of().withUpperCase().formatHex(id))
                .isEqualTo("00000000AC21A95040D3EE48B319FBA753304425000000000600000034120000" + "00000000");
        assertThat(AbEntryIds.objectId(id)).isEqualTo(0x1234);
        assertThat(AbEntryIds.type(id)).isEqualTo(AbEntryIds.MAPI_MAILUSER);
        assertThat(AbEntryIds.externalId(id)).isEmpty();
    }

    @Test
    void aCompanysBookIsAContainerWithTheCompanysId() {
        byte[] id = AbEntryIds.container(17, null);
        assertThat(id).hasSize(36);
        assertThat(AbEntryIds.type(id)).isEqualTo(AbEntryIds.MAPI_ABCONT);
        assertThat(AbEntryIds.objectId(id)).isEqualTo(17);
        assertThat(AbEntryIds.externalId(id)).isEmpty();
    }

    @Test
    void anAddressListCarriesItsNameAsExternalIdPaddedToFourBytes() {
        for (String name : new String[] {"abc", "abcd", "Example addresslist", "Bücher & Co"}) {
            byte[] id = AbEntryIds.container(0, name);
            assertThat(id.length % 4).as(name).isZero();
            assertThat(id.length - 32).as(name).isGreaterThan(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
            assertThat(AbEntryIds.type(id)).isEqualTo(AbEntryIds.MAPI_ABCONT);
            assertThat(AbEntryIds.objectId(id)).isZero();
            assertThat(AbEntryIds.externalId(id)).isEqualTo(name);
        }
    }

    @Test
    void anotherProvidersIdIsNoneOfOurs() {
        byte[] id = AbEntryIds.of(AbEntryIds.MAPI_MAILUSER, 5);
        id[6] ^= 1;
        assertThat(AbEntryIds.objectId(id)).isEqualTo(-1);
        assertThat(AbEntryIds.type(id)).isEqualTo(-1);
        assertThat(AbEntryIds.externalId(id)).isEmpty();
        assertThat(AbEntryIds.type(new byte[3])).isEqualTo(-1);
    }
}
