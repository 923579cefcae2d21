package org.zcp.caldav.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zcp.caldav.fake.FakeServer;
import org.zcp.store.api.StoreFailure;

class LogonCacheTest {
    private final FakeServer server = new FakeServer();
    private final LogonCache cache = new LogonCache(server.logons, server.clock);
    private final Credentials alice = new Credentials("alice", "secret");

    @Test
    void basicHeaderShouldParseAndKeyWithoutThePassword() {
        Credentials c = Credentials.parse(FakeServer.basic("alice", "p:ss"));
        assertThat(c).isEqualTo(new Credentials("alice", "p:ss"));
        assertThat(c.key()).hasSize(64).isNotEqualTo(new Credentials("alice", "p:sS").key()).doesNotContain("p:ss");
        assertThat(c.toString()).doesNotContain("p:ss");
        assertThat(Credentials.parse("Bearer x")).isNull();
        assertThat(Credentials.parse("Basic !!!")).isNull();
        // RFC 7617 section 2: user NUL password and user:password must not collide
        assertThat(new Credentials("a", "b:c").key()).isNotEqualTo(new Credentials("a:b", "c").key());
    }

    @Test
    void aSecondRequestShouldUseTheCachedSession() {
        String s1 = cache.logon(alice, "10.0.0.1").session();
        String s2 = cache.logon(alice, "10.0.0.1").session();
        assertThat(s2).isEqualTo(s1);
        assertThat(server.logons.logons).isEqualTo(1);
    }

    @Test
    void anIdleLogonShouldBeLoggedOffAndMadeAnew() {
        String s1 = cache.logon(alice, "p").session();
        server.clock.advance(Duration.ofMinutes(11));
        String s2 = cache.logon(alice, "p").session();
        assertThat(s2).isNotEqualTo(s1);
        assertThat(server.logons.live()).containsExactly(s2);
    }

    @Test
    void aLogonInUseShouldStay() {
        String s1 = cache.logon(alice, "p").session();
        for (int i = 0; i < 3; i++) {
            server.clock.advance(Duration.ofMinutes(9));
            assertThat(cache.logon(alice, "p").session()).isEqualTo(s1);
        }
    }

    @Test
    void aWrongPasswordShouldNotBeCached() {
        assertThatThrownBy(() -> cache.logon(new Credentials("alice", "nope"), "p")).isInstanceOf(StoreFailure.class);
        assertThat(cache.size()).isZero();
    }

    @Test
    void forgetShouldMakeTheNextRequestLogOnAgain() {
        cache.logon(alice, "p");
        cache.forget(alice);
        cache.logon(alice, "p");
        assertThat(server.logons.logons).isEqualTo(2);
    }
}
