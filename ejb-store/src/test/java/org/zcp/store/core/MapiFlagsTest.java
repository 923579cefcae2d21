package org.zcp.store.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.MessageFlags;
import org.zcp.store.api.FolderMessages.FlagMode;

/**
 * The flag mapping against the MAPI values themselves (review 1c: a round trip through the same
 * mapping cannot catch a symmetric mistake): PR_MESSAGE_FLAGS 0x0E070003 (MSGFLAG_READ 0x1,
 * MSGFLAG_UNSENT 0x8), PR_FLAG_STATUS 0x10900003 (followupFlagged 2), PR_LAST_VERB_EXECUTED
 * 0x10810003 (102 reply, 103 reply all, 104 forward), PR_MSG_STATUS 0x0E170003 (DELMARKED 0x8).
 */
class MapiFlagsTest {
    static final int KEYWORDS = 0x8501101F;
    static final int PR_MSG_STATUS = 0x0E170003;
    static final int PR_FLAG_STATUS = 0x10900003;
    static final int PR_LAST_VERB_EXECUTED = 0x10810003;

    static Map<Integer, PropValue> props(PropValue... values) {
        Map<Integer, PropValue> m = new HashMap<>();
        for (PropValue v : values) m.put(v.tag, v);
        return m;
    }

    @Test
    void readsEachFlagFromItsMapiValue() {
        MessageFlags f = MapiFlags.read(0x1 | 0x8, props(PropValue.ofLong(PR_FLAG_STATUS, 2),
                PropValue.ofLong(PR_LAST_VERB_EXECUTED, 103), PropValue.ofLong(PR_MSG_STATUS, 0x8 | 0x1000),
                PropValue.ofStrings(KEYWORDS, List.of("Work", "$Label1"))), true, KEYWORDS);
        assertThat(f).isEqualTo(new MessageFlags(true, true, true, false, true, true, List.of("Work", "$Label1")));

        assertThat(MapiFlags.read(0, props(PropValue.ofLong(PR_FLAG_STATUS, 1),
                PropValue.ofLong(PR_LAST_VERB_EXECUTED, 104), PropValue.ofLong(PR_MSG_STATUS, 0x1000)), false, KEYWORDS))
                .as("flag status 1 is 'complete', not flagged; 104 is forwarded")
                .isEqualTo(new MessageFlags(false, false, false, true, false, false, List.of()));
        assertThat(MapiFlags.read(0x8, props(), false, KEYWORDS).draft())
                .as("an unsent message made over MAPI is not an IMAP draft").isFalse();
    }

    @Test
    void writesOnlyWhatChangesWithTheMapiValues() {
        Map<Integer, PropValue> stored = props(PropValue.ofLong(PR_MSG_STATUS, 0x1000));
        MessageFlags next = new MessageFlags(false, true, true, false, true, false, List.of("Work"));
        List<PropValue> out = MapiFlags.changes(stored, next, KEYWORDS);
        assertThat(out).extracting(v -> v.tag).containsExactly(PR_MSG_STATUS, PR_FLAG_STATUS, PR_LAST_VERB_EXECUTED,
                KEYWORDS);
        assertThat(out.get(0).l).as("other status bits stay").isEqualTo(0x1008L);
        assertThat(out.get(1).l).isEqualTo(2L);
        assertThat(out.get(2).l).isEqualTo(102L);
        assertThat(out.get(3).mvs).containsExactly("Work");

        Map<Integer, PropValue> now = props(PropValue.ofLong(PR_MSG_STATUS, 0x1008), PropValue.ofLong(PR_FLAG_STATUS, 2),
                PropValue.ofLong(PR_LAST_VERB_EXECUTED, 103), PropValue.ofStrings(KEYWORDS, List.of("Work")));
        assertThat(MapiFlags.changes(now, next, KEYWORDS)).as("a reply to all stays one; nothing else differs").isEmpty();
        assertThat(MapiFlags.changes(now, new MessageFlags(false, false, false, true, false, false, List.of("Work")),
                KEYWORDS)).extracting(v -> v.tag + "=" + v.l).containsExactly(PR_MSG_STATUS + "=4096",
                PR_FLAG_STATUS + "=0", PR_LAST_VERB_EXECUTED + "=104");
    }

    @Test
    void addRemoveAndSetChangeWhatTheyName() {
        MessageFlags now = new MessageFlags(true, false, false, false, false, true, List.of("Work"));
        MessageFlags flagAndWORK = new MessageFlags(false, true, false, false, false, false, List.of("WORK", "Home"));
        assertThat(MapiFlags.apply(now, FlagMode.ADD, flagAndWORK))
                .isEqualTo(new MessageFlags(true, true, false, false, false, true, List.of("Work", "Home")));
        assertThat(MapiFlags.apply(now, FlagMode.REMOVE, flagAndWORK))
                .isEqualTo(new MessageFlags(true, false, false, false, false, true, List.of()));
        assertThat(MapiFlags.apply(now, FlagMode.SET, flagAndWORK))
                .as("SET replaces all but the draft state")
                .isEqualTo(new MessageFlags(false, true, false, false, false, true, List.of("WORK", "Home")));
    }

    @Test
    void answeredAndForwardedTogetherKeepForwardedAsACategoryMarker() {
        MessageFlags both = new MessageFlags(false, false, true, true, false, false, List.of("Work"));
        List<PropValue> out = MapiFlags.changes(props(), both, KEYWORDS);
        assertThat(out).extracting(v -> v.tag).containsExactly(PR_LAST_VERB_EXECUTED, KEYWORDS);
        assertThat(out.get(0).l).isEqualTo(102L);
        assertThat(out.get(1).mvs).containsExactly("Work", "$Forwarded");
        Map<Integer, PropValue> stored = props(out.toArray(PropValue[]::new));
        assertThat(MapiFlags.read(0, stored, false, KEYWORDS)).isEqualTo(both);

        MessageFlags forwardedOnly = new MessageFlags(false, false, false, true, false, false, List.of("Work"));
        assertThat(MapiFlags.changes(stored, forwardedOnly, KEYWORDS)).extracting(v -> v.tag + "=" + v.l + v.mvs)
                .as("forwarded alone is the verb again, the marker goes")
                .containsExactly(PR_LAST_VERB_EXECUTED + "=104null", KEYWORDS + "=null[Work]");
    }
}
