package org.zcp.caldav.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.zcp.store.api.FolderItems.Expect;

class ExpectsTest {
    private static DavRequest put(String... headers) {
        return DavRequest.of("PUT", "/caldav/alice/Calendar/a.ics", "x", headers);
    }

    @Test
    void noConditionShouldExpectNothing() {
        assertThat(Expects.of(put())).isEqualTo(Expect.any());
    }

    @Test
    void ifNoneMatchStarShouldExpectNoItem() {
        assertThat(Expects.of(put("If-None-Match", "*"))).isEqualTo(Expect.absent());
    }

    @Test
    void ifMatchStarShouldExpectAnItem() {
        assertThat(Expects.of(put("If-Match", "*"))).isEqualTo(Expect.present());
    }

    @Test
    void ifMatchOfATagShouldExpectThatChangeNumber() {
        assertThat(Expects.of(put("If-Match", "\"1234\""))).isEqualTo(Expect.at(1234));
    }

    @Test
    void ifMatchOfAWeakOrForeignTagShouldFailAt412() {
        for (String tag : new String[] {"W/\"12\"", "\"abc\"", "12"}) {
            assertThatThrownBy(() -> Expects.of(put("If-Match", tag)))
                    .isInstanceOfSatisfying(DavException.class, e -> assertThat(e.status()).isEqualTo(412));
        }
    }

    @Test
    void ifNoneMatchOfATagShouldBeLeftToTheHandler() {
        DavRequest r = put("If-None-Match", "\"7\", \"9\"");
        assertThat(Expects.of(r)).isEqualTo(Expect.any());
        assertThat(Expects.noneMatch(r)).isEqualTo(7L);
        assertThat(Expects.noneMatchHits(r, 9)).isTrue();
        assertThat(Expects.noneMatchHits(r, 8)).isFalse();
    }
}
