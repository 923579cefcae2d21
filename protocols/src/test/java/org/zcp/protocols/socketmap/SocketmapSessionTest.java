package org.zcp.protocols.socketmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** socketmap_table(5) exchanges as Postfix sends them. */
class SocketmapSessionTest {
    private static String converse(String input) throws Exception {
        LookupBackend backend = (map, key) -> {
            if (!map.equals("mailbox")) return "PERM unknown map " + map;
            if (key.equals("down@example.com")) throw new IllegalStateException("database away");
            return key.equalsIgnoreCase("john@example.com") ? "OK john@example.com" : "NOTFOUND ";
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SocketmapSession(backend, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out).run();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void severalLookupsOnOneConnection() throws Exception {
        assertThat(converse("24:mailbox john@example.com,25:mailbox ghost@example.com,"))
                .isEqualTo("19:OK john@example.com,9:NOTFOUND ,");
    }

    @Test
    void failuresAreTemporaryAndUnknownMapsPermanent() throws Exception {
        assertThat(converse("24:mailbox down@example.com,")).isEqualTo("18:TEMP lookup failed,");
        assertThat(converse(ns("alias x@example.com"))).isEqualTo(ns("PERM unknown map alias"));
    }

    @Test
    void malformedInputEndsTheSessionWithPerm() throws Exception {
        assertThat(converse("x:mailbox a,")).isEqualTo(ns("PERM bad netstring length"));
        assertThat(converse("50:mailbox a,")).isEqualTo(ns("PERM netstring not terminated"));
        assertThat(converse("12")).isEqualTo(ns("PERM connection closed inside a netstring"));
        assertThat(converse(ns("nospace") + ns("mailbox john@example.com")))
                .isEqualTo(ns("PERM request must be 'name key'") + ns("OK john@example.com"));
        assertThat(converse("")).isEmpty();
    }

    private static String ns(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length + ":" + s + ",";
    }
}
