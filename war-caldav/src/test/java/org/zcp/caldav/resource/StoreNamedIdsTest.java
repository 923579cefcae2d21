package org.zcp.caldav.resource;

import org.zcp.ical.StoreNamedIds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.store.api.mapi.NamedProp;

class StoreNamedIdsTest {
    @Test
    void idsShouldBeAskedOnceForAllSessions() {
        FakeServer server = new FakeServer();
        StoreNamedIds ids = new StoreNamedIds(server.items);
        String s1 = server.logons.logon("alice", "secret", "t", "t").session();
        String s2 = server.logons.logon("bob", "pw", "t", "t").session();
        NamedProp start = NamedProp.ofId("0006200200000000C000000000000046", 0x820D);
        int a = ids.forSession(s1).id(start);
        int b = ids.forSession(s2).id(NamedProp.ofId("00062002-0000-0000-C000-000000000046".toLowerCase(), 0x820D));
        assertThat(b).isEqualTo(a);
        assertThat(ids.forSession(s1).id(NamedProp.ofName("00020329000000C000000000000000046", "Keywords")))
                .isNotEqualTo(a);
        assertThat(server.items.propIdCalls).isEqualTo(2);
        assertThat(ids.size()).isEqualTo(2);
    }
}
