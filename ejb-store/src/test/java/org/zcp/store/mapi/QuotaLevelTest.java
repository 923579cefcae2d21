package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.zcp.store.api.mapi.QuotaStatus;
import org.zcp.store.mapi.QuotaService.Levels;

class QuotaLevelTest {
    private static final Levels ALL = new Levels(100, 200, 300);

    @Test
    void belowTheWarnLevelIsOk() {
        assertThat(QuotaService.level(0, ALL)).isEqualTo(QuotaStatus.OK);
        assertThat(QuotaService.level(99, ALL)).isEqualTo(QuotaStatus.OK);
    }

    @Test
    void reachingEachLevelSwitchesAtExactlyItsThreshold() {
        assertThat(QuotaService.level(100, ALL)).isEqualTo(QuotaStatus.WARN);
        assertThat(QuotaService.level(199, ALL)).isEqualTo(QuotaStatus.WARN);
        assertThat(QuotaService.level(200, ALL)).isEqualTo(QuotaStatus.SOFT);
        assertThat(QuotaService.level(299, ALL)).isEqualTo(QuotaStatus.SOFT);
        assertThat(QuotaService.level(300, ALL)).isEqualTo(QuotaStatus.HARD);
        assertThat(QuotaService.level(Long.MAX_VALUE, ALL)).isEqualTo(QuotaStatus.HARD);
    }

    @Test
    void allLevelsZeroMeansNoQuota() {
        assertThat(QuotaService.level(Long.MAX_VALUE, new Levels(0, 0, 0))).isEqualTo(QuotaStatus.OK);
    }

    @Test
    void aLevelOfZeroIsOffAndTheOthersStillApply() {
        Levels noHard = new Levels(100, 200, 0);
        Levels onlyHard = new Levels(0, 0, 300);
        Levels noWarn = new Levels(0, 200, 300);

        assertThat(QuotaService.level(1_000, noHard)).isEqualTo(QuotaStatus.SOFT);
        assertThat(QuotaService.level(299, onlyHard)).isEqualTo(QuotaStatus.OK);
        assertThat(QuotaService.level(300, onlyHard)).isEqualTo(QuotaStatus.HARD);
        assertThat(QuotaService.level(150, noWarn)).isEqualTo(QuotaStatus.OK);
        assertThat(QuotaService.level(250, noWarn)).isEqualTo(QuotaStatus.SOFT);
    }
}
