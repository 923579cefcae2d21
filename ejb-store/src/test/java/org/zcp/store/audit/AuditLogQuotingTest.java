package org.zcp.store.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Review finding 23: what a client sends cannot end a field or a line of the audit log. */
class AuditLogQuotingTest {
    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(AuditLog.q("x' from='10.9.9.9")).isEqualTo("x\\' from=\\'10.9.9.9");
        assertThat(AuditLog.q("a\\b")).isEqualTo("a\\\\b");
    }

    @Test
    void controlCharactersBecomeHexEscapes() {
        assertThat(AuditLog.q("x\r\n[WARN ] forged")).isEqualTo("x\\x0d\\x0a[WARN ] forged");
        assertThat(AuditLog.q("\u0000\u007f")).isEqualTo("\\x00\\x7f");
    }

    @Test
    void plainNamesStayAsTheyAre() {
        assertThat(AuditLog.q("john@acme")).isEqualTo("john@acme");
        assertThat(AuditLog.q(null)).isEmpty();
    }
}
