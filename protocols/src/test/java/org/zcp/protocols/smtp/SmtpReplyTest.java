package org.zcp.protocols.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reply classes and enhanced status codes (RFC 5321 section 4.2, RFC 3463). */
class SmtpReplyTest {
    @Test
    void classesFollowTheFirstDigit() {
        assertThat(new SmtpReply(250, null, "Ok").positive()).isTrue();
        assertThat(new SmtpReply(354, null, "go").positive()).isTrue();
        SmtpReply busy = new SmtpReply(451, "4.3.0", "try later");
        assertThat(busy.positive()).isFalse();
        assertThat(busy.transientFailure()).isTrue();
        assertThat(busy.permanentFailure()).isFalse();
        SmtpReply unknown = new SmtpReply(550, "5.1.1", "<x@y>: Recipient address rejected");
        assertThat(unknown.permanentFailure()).isTrue();
        assertThat(unknown.transientFailure()).isFalse();
        assertThat(unknown).hasToString("550 5.1.1 <x@y>: Recipient address rejected");
    }

    @Test
    void enhancedCodeIsTakenOnlyWhenItsClassMatchesTheReplyCode() {
        assertThat(SmtpReply.of(250, List.of("2.1.5 Ok"))).isEqualTo(new SmtpReply(250, "2.1.5", "Ok"));
        assertThat(SmtpReply.of(552, List.of("5.3.4 Message size exceeds fixed limit")).enhancedCode()).isEqualTo("5.3.4");
        assertThat(SmtpReply.of(220, List.of("5.6.7.8 ESMTP"))).isEqualTo(new SmtpReply(220, null, "5.6.7.8 ESMTP"));
        assertThat(SmtpReply.of(250, List.of("2.1.50x"))).isEqualTo(new SmtpReply(250, null, "2.1.50x"));
        assertThat(SmtpReply.of(421, List.of("4.4.2"))).isEqualTo(new SmtpReply(421, "4.4.2", ""));
        assertThat(SmtpReply.of(550, List.of("5.7.1 first", "second without code")).text())
                .isEqualTo("first\nsecond without code");
    }

    @Test
    void codesOutsideTwoToFiveHundredAreRefused() {
        assertThatThrownBy(() -> new SmtpReply(199, null, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReply(600, null, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
