package org.zcp.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;

class MemoryBudgetTest {
    @Test
    void aJobLargerThanTheWholeBudgetIsRefusedAtOnce() {
        long tooBig = (MemoryBudget.TOTAL_KB + 1) * 1024;
        assertThat(MemoryBudget.fits(tooBig)).isFalse();
        assertThatThrownBy(() -> MemoryBudget.reserve(tooBig, "a message")).isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(((StoreException) e).error()).isEqualTo(MapiError.MAPI_E_NOT_ENOUGH_MEMORY))
                .hasMessageContaining("larger than the server can convert");
    }

    @Test
    void theWholeBudgetCanBeTakenAgainOnceGivenBack() {
        long all = MemoryBudget.TOTAL_KB * 1024;
        try (var first = MemoryBudget.reserve(all, "first")) {
            assertThat(first).isNotNull();
        }
        try (var second = MemoryBudget.reserve(all, "second")) {
            assertThat(second).isNotNull();
        }
    }
}
