package org.zcp.store.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutorespondTest {
    @Test
    void theShippedFileGivesTheManualsDefaults() {
        Autorespond a = Autorespond.parse(List.of("# comment", "AUTORESPOND_CC=0", "AUTORESPOND_NORECIP=0",
                "TIMELIMIT=$[24*60*60]", "SENDDB=${TMP:-/tmp}/zarafa-vacation-$USER.db",
                "SENDMAILPARAMS=\"-t -f\""), "autorespond");
        assertThat(a).isEqualTo(new Autorespond(false, false, 86400));
    }

    @Test
    void switchesAndArithmetic() {
        Autorespond a = Autorespond.parse(List.of("AUTORESPOND_CC=1", "export AUTORESPOND_NORECIP=\"1\"",
                "TIMELIMIT=$((2 * (30 + 30)))"), "autorespond");
        assertThat(a).isEqualTo(new Autorespond(true, true, 120));
    }

    @Test
    void aBadValueKeepsTheDefault() {
        Autorespond a = Autorespond.parse(List.of("TIMELIMIT=$[24*x]", "AUTORESPOND_CC=yes"), "autorespond");
        assertThat(a).isEqualTo(Autorespond.DEFAULTS);
    }

    @Test
    void aMissingFileMeansTheDefaults() {
        assertThat(Autorespond.load(java.nio.file.Path.of("/nonexistent/autorespond"))).isEqualTo(Autorespond.DEFAULTS);
    }
}
