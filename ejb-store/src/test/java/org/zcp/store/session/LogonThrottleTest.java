package org.zcp.store.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.store.config.ServerSettings;

class LogonThrottleTest {
    @TempDir
    Path dir;

    LogonThrottle throttle;

    @BeforeEach
    void setUp() throws Exception {
        Path cfg = dir.resolve("server.cfg");
        Files.writeString(cfg, "logon_throttle_failures = 3\nlogon_throttle_max_delay = 8\n");
        String before = System.getProperty(ServerSettings.CONFIG_PROPERTY);
        System.setProperty(ServerSettings.CONFIG_PROPERTY, cfg.toString());
        try {
            throttle = new LogonThrottle();
            throttle.settings = new ServerSettings();
            throttle.settings.load();
        } finally {
            if (before == null) System.clearProperty(ServerSettings.CONFIG_PROPERTY);
            else System.setProperty(ServerSettings.CONFIG_PROPERTY, before);
        }
    }

    @Test
    void anAccountWaitsOnlyOnceItsFailuresReachTheThreshold() {
        throttle.failed("john", "10.0.0.1");
        throttle.failed("john", "10.0.0.2");
        assertThat(throttle.waitSeconds("john", "10.0.0.3")).isZero();

        throttle.failed("john", "10.0.0.3");

        assertThat(throttle.waitSeconds("john", "10.0.0.4")).isEqualTo(1);
        assertThat(throttle.waitSeconds("John", "10.0.0.4")).as("the counter ignores case").isEqualTo(1);
        assertThat(throttle.waitSeconds("mary", "10.0.0.4")).as("other accounts are not slowed").isZero();
    }

    @Test
    void theDelayDoublesUpToTheMaximum() {
        assertThat(LogonThrottle.delayMs(0, 8)).isEqualTo(1000);
        assertThat(LogonThrottle.delayMs(1, 8)).isEqualTo(2000);
        assertThat(LogonThrottle.delayMs(3, 8)).isEqualTo(8000);
        assertThat(LogonThrottle.delayMs(4, 8)).isEqualTo(8000);
        assertThat(LogonThrottle.delayMs(200, 8)).isEqualTo(8000);
    }

    @Test
    void oneAddressFailingForManyAccountsWaitsAfterFourTimesTheThreshold() {
        for (int i = 0; i < 11; i++) throttle.failed("user" + i, "192.0.2.7");
        assertThat(throttle.waitSeconds("newuser", "192.0.2.7")).isZero();

        throttle.failed("user11", "192.0.2.7");

        assertThat(throttle.waitSeconds("newuser", "192.0.2.7")).isEqualTo(1);
        assertThat(throttle.waitSeconds("newuser", "192.0.2.8")).isZero();
    }

    @Test
    void aSuccessClearsTheAccountButOnlyHalvesTheAddress() {
        for (int i = 0; i < 12; i++) throttle.failed("john", "10.0.0.1");
        throttle.succeeded("john", "10.0.0.1");
        assertThat(throttle.waitSeconds("john", "10.0.0.9")).isZero();
        for (int i = 0; i < 5; i++) throttle.failed("x" + i, "10.0.0.1");
        assertThat(throttle.waitSeconds("mary", "10.0.0.1")).as("6 + 5 failures: below 12").isZero();
        throttle.failed("x9", "10.0.0.1");
        assertThat(throttle.waitSeconds("mary", "10.0.0.1")).isEqualTo(1);
    }

    @Test
    void loopbackAddressesAreNotCountedButTheirAccountsAre() {
        for (int i = 0; i < 20; i++) throttle.failed("user" + i, "127.0.0.1");
        assertThat(throttle.waitSeconds("mary", "127.0.0.1")).isZero();
        for (int i = 0; i < 3; i++) throttle.failed("mary", "::1");
        assertThat(throttle.waitSeconds("mary", "127.0.0.1")).isEqualTo(1);
    }

    @Test
    void derivationsRunAndReportTheirResult() {
        assertThat(throttle.derive(() -> true)).isTrue();
        assertThat(throttle.derive(() -> false)).isFalse();
    }
}
