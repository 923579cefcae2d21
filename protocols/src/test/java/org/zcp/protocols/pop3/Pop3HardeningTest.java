package org.zcp.protocols.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** POP3: the plaintext default (passwords only over TLS or loopback) and log escaping (review #23). */
class Pop3HardeningTest {
    final Pop3SessionTest.Store store = new Pop3SessionTest.Store();

    List<String> run(String input, Pop3Session.Options options, String peer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Pop3Session(store, "pop.test", options, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                out, peer, null, false).run();
        return List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void byDefaultUserPassAndAuthAreRefusedFromANonLoopbackAddressWithoutTls() throws IOException {
        List<String> r = run("USER john\r\nPASS secret pw\r\nAUTH PLAIN " + b64("\0john\0secret pw") + "\r\n",
                Pop3Session.Options.defaults(), "192.0.2.7");
        assertThat(r).containsExactly("+OK pop.test POP3 gateway ready", Pop3Session.PLAINTEXT_DISALLOWED,
                Pop3Session.PLAINTEXT_DISALLOWED, Pop3Session.PLAINTEXT_DISALLOWED);
        assertThat(store.logins).isEmpty();
    }

    @Test
    void byDefaultLoopbackCountsAsSecure() throws IOException {
        List<String> r = run("USER john\r\nPASS secret pw\r\nQUIT\r\n", Pop3Session.Options.defaults(), "127.0.0.1");
        assertThat(r).contains("+OK send PASS");
        assertThat(store.logins).containsExactly("john@127.0.0.1");
    }

    @Test
    void aSaslUserNameWithCrLfIsEscapedInTheLog() throws IOException {
        Logger log = Logger.getLogger(Pop3Session.class.getName());
        List<String> lines = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level old = log.getLevel();
        log.addHandler(h);
        log.setLevel(Level.ALL);
        try {
            run("AUTH PLAIN " + b64("\0eve\r\n[WARN ] forged\0pw") + "\r\n", new Pop3Session.Options(false, 20, 3),
                    "192.0.2.7");
        } finally {
            log.removeHandler(h);
            log.setLevel(old);
        }
        assertThat(lines).contains("login of eve\\r\\n[WARN ] forged from 192.0.2.7 refused: wrong password");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotContain("\r").doesNotContain("\n"));
    }
}
