package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.rules.HeaderMatch;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.store.api.rules.RuleCondition;

/** The stored form of an Inbox's rules (PR_RULES_DATA): JAXB XML of RuleSet. */
class RulesXmlTest {
    static final String FOLDER = "00000000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0000000000000010";

    static Rule full() {
        RuleCondition c = new RuleCondition();
        c.fromContains = List.of("boss", "Ünïcode");
        c.sentToContains = List.of("team@");
        c.subjectContains = List.of("<report> & \"more\"");
        c.headers = List.of(new HeaderMatch("List-Id", "announce"), new HeaderMatch("X-Mailer", null));
        c.sizeAbove = 10L;
        c.sizeBelow = 5_000_000L;
        c.sentOnlyToMe = true;
        Rule r = new Rule("Boss mail", 3, c, RuleAction.move(FOLDER), RuleAction.copy(FOLDER), RuleAction.markRead(),
                RuleAction.forward("a@x.example", "Bob <b@x.example>"), RuleAction.redirect("c@y.example"),
                RuleAction.delete());
        r.stop = true;
        r.enabled = false;
        return r;
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        byte[] xml = RuleSet.toXml(List.of(full()));
        List<Rule> back = RuleSet.fromXml(xml);
        assertThat(back).hasSize(1);
        assertThat(back.get(0)).usingRecursiveComparison().isEqualTo(full());
    }

    @Test
    void theFormatIsPlainXmlInSequenceOrder() {
        Rule b = new Rule("second", 20, null, RuleAction.markRead());
        Rule a = new Rule("first", 10, null, RuleAction.delete());
        Rule c = new Rule("also second", 20, null);
        String xml = new String(RuleSet.toXml(List.of(b, a, c)), StandardCharsets.UTF_8);
        assertThat(xml).contains("<rules version=\"1\"").contains("<rule>").contains("<name>first</name>")
                .contains("<type>DELETE</type>").doesNotContain("<condition>");
        assertThat(xml.indexOf("first")).isLessThan(xml.indexOf("<name>second"));
        assertThat(xml.indexOf("<name>second")).as("stable for equal sequences").isLessThan(xml.indexOf("also second"));
        assertThat(RuleSet.fromXml(xml.getBytes(StandardCharsets.UTF_8))).extracting(r -> r.name)
                .containsExactly("first", "second", "also second");
    }

    @Test
    void defaultsOfAbsentElements() {
        String xml = "<?xml version=\"1.0\"?><rules version=\"1\"><rule><name>x</name></rule></rules>";
        Rule r = RuleSet.fromXml(xml.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(r.enabled).isTrue();
        assertThat(r.stop).isFalse();
        assertThat(r.sequence).isZero();
        assertThat(r.condition).isNull();
        assertThat(r.actions).isEmpty();
    }

    @Test
    void noDataNoRules() {
        assertThat(RuleSet.fromXml(null)).isEmpty();
        assertThat(RuleSet.fromXml(new byte[0])).isEmpty();
        assertThat(RuleSet.fromXml(RuleSet.toXml(List.of()))).isEmpty();
        assertThat(RuleSet.fromXml(RuleSet.toXml(null))).isEmpty();
        assertThat(RuleSet.fromXml(RuleSet.toXml(new ArrayList<>()))).isInstanceOf(ArrayList.class);
    }

    @Test
    void unreadableDataIsRefused() {
        assertThatThrownBy(() -> RuleSet.fromXml("not xml".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void documentTypesAndEntitiesAreNotResolved() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE rules [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<rules version=\"1\"><rule><name>&x;</name></rule></rules>";
        try {
            List<Rule> rules = RuleSet.fromXml(xml.getBytes(StandardCharsets.UTF_8));
            assertThat(rules.get(0).name == null ? "" : rules.get(0).name).doesNotContain("root:");
        } catch (IllegalArgumentException refused) {
            // refusing the document is as good
        }
    }
}
