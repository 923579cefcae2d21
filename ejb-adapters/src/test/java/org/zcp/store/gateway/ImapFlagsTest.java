package org.zcp.store.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.MessageFlags;

class ImapFlagsTest {
    @Test
    void systemFlagsByNameAnyCaseAndTheRestKeywords() {
        MessageFlags f = ImapFlags.of(Set.of("\\SEEN", "\\flagged", "\\Answered", "$forwarded", "\\Deleted", "\\Draft",
                "Work", "\\Recent"));
        assertThat(f).isEqualTo(new MessageFlags(true, true, true, true, true, true, List.of("Work")));
        assertThat(ImapFlags.names(f)).containsExactly("\\Seen", "\\Answered", "$Forwarded", "\\Flagged", "\\Deleted",
                "\\Draft", "Work");
        assertThat(ImapFlags.names(MessageFlags.NONE)).isEmpty();
    }
}
