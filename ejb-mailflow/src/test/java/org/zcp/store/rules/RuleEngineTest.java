package org.zcp.store.rules;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.rules.HeaderMatch;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.store.api.rules.RuleCondition;
import org.zcp.mime.MimeToMapi;
import org.zcp.store.rules.RuleEngine.Outcome;

/** Conditions and the outcome of Inbox rules, without a server. */
class RuleEngineTest {
    static final String ME = "john@example.com";
    static final String FOLDER_A = "00000000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0000000000000010";
    static final String FOLDER_B = "00000000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0000000000000011";
    static final String FOLDER_C = "00000000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0000000000000012";

    static final String MESSAGE = "From: \"Alice Boss\" <alice@corp.example>\r\n"
            + "To: John Doe <john@example.com>, Team <team@example.com>\r\n"
            + "Cc: \"Carol Cee\" <carol@other.example>\r\n"
            + "Subject: Quarterly REPORT due\r\n"
            + "Message-ID: <m1@corp.example>\r\n"
            + "X-Spam-Status: No, score=1.2\r\n"
            + "X-Mailer: Thunderbird\r\n"
            + "List-Id: Announcements <announce.lists.example>\r\n"
            + "\r\n"
            + "Hello\r\n";

    static MimeMessage parse(String text) throws Exception {
        return MimeToMapi.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MimeMessage msg() throws Exception {
        return parse(MESSAGE);
    }

    static RuleCondition cond() {
        return new RuleCondition();
    }

    static Rule rule(String name, int seq, RuleCondition c, RuleAction... actions) {
        return new Rule(name, seq, c, actions);
    }

    static boolean matches(RuleCondition c) throws Exception {
        return matches(c, msg(), 1000);
    }

    static boolean matches(RuleCondition c, MimeMessage m, long size) {
        return RuleEngine.matches(c, m, "bounce@corp.example", ME, size);
    }

    static Outcome eval(Rule... rules) throws Exception {
        return RuleEngine.evaluate(List.of(rules), msg(), "bounce@corp.example", ME, 1000);
    }

    // ---- conditions ---------------------------------------------------------------------------

    @Test
    void anEmptyOrMissingConditionMatchesEverything() throws Exception {
        assertThat(matches(null)).isTrue();
        assertThat(matches(cond())).isTrue();
        RuleCondition blanks = cond();
        blanks.fromContains = new ArrayList<>(List.of("", "  "));
        blanks.subjectContains = null;
        blanks.headers = null;
        assertThat(matches(blanks)).as("blank entries are no condition").isTrue();
    }

    @Test
    void fromMatchesAddressDisplayNameOrEnvelopeSenderCaseInsensitively() throws Exception {
        RuleCondition c = cond();
        c.fromContains = List.of("ALICE@CORP");
        assertThat(matches(c)).isTrue();
        c.fromContains = List.of("alice boss");
        assertThat(matches(c)).as("display name").isTrue();
        c.fromContains = List.of("bounce@");
        assertThat(matches(c)).as("envelope sender").isTrue();
        c.fromContains = List.of("carol");
        assertThat(matches(c)).as("a Cc is not the sender").isFalse();
        c.fromContains = List.of("nobody", "corp.EXAMPLE");
        assertThat(matches(c)).as("any of the strings").isTrue();
    }

    @Test
    void fromWithoutEnvelopeSenderUsesTheHeaderOnly() throws Exception {
        RuleCondition c = cond();
        c.fromContains = List.of("bounce");
        assertThat(RuleEngine.matches(c, msg(), null, ME, 10)).isFalse();
    }

    @Test
    void sentToLooksAtToAndCcAddressesAndNames() throws Exception {
        RuleCondition c = cond();
        c.sentToContains = List.of("TEAM@");
        assertThat(matches(c)).isTrue();
        c.sentToContains = List.of("carol cee");
        assertThat(matches(c)).as("Cc display name").isTrue();
        c.sentToContains = List.of("alice");
        assertThat(matches(c)).as("From is not a recipient").isFalse();
        c.sentToContains = List.of("zzz", "other.example");
        assertThat(matches(c)).isTrue();
    }

    @Test
    void subjectIsMatchedCaseInsensitivelyAndDecoded() throws Exception {
        RuleCondition c = cond();
        c.subjectContains = List.of("quarterly report");
        assertThat(matches(c)).isTrue();
        c.subjectContains = List.of("invoice");
        assertThat(matches(c)).isFalse();
        c.subjectContains = List.of("invoice", "DUE");
        assertThat(matches(c)).isTrue();
        MimeMessage encoded = parse("From: a@b.example\r\nSubject: =?UTF-8?B?w5xiZXJ3ZWlzdW5n?= erhalten\r\n\r\nx\r\n");
        c.subjectContains = List.of("überweisung");
        assertThat(matches(c, encoded, 10)).isTrue();
    }

    @Test
    void aMessageWithoutSubjectOrRecipientsMatchesNoTextCondition() throws Exception {
        MimeMessage bare = parse("X-Foo: bar\r\n\r\nx\r\n");
        RuleCondition c = cond();
        c.subjectContains = List.of("a");
        assertThat(matches(c, bare, 10)).isFalse();
        c = cond();
        c.sentToContains = List.of("example");
        assertThat(matches(c, bare, 10)).isFalse();
        c = cond();
        c.sentOnlyToMe = true;
        assertThat(matches(c, bare, 10)).isFalse();
    }

    @Test
    void headerExistsWithoutContains() throws Exception {
        RuleCondition c = cond();
        c.headers = List.of(new HeaderMatch("x-mailer", null));
        assertThat(matches(c)).as("header names are case-insensitive").isTrue();
        c.headers = List.of(new HeaderMatch("X-Absent", null));
        assertThat(matches(c)).isFalse();
        c.headers = List.of(new HeaderMatch("X-Mailer", ""));
        assertThat(matches(c)).as("empty contains: exists").isTrue();
    }

    @Test
    void headerWithContainsLooksAtItsValues() throws Exception {
        RuleCondition c = cond();
        c.headers = List.of(new HeaderMatch("List-Id", "ANNOUNCE.lists"));
        assertThat(matches(c)).isTrue();
        c.headers = List.of(new HeaderMatch("X-Spam-Status", "yes"));
        assertThat(matches(c)).isFalse();
        c.headers = List.of(new HeaderMatch("X-Absent", "x"));
        assertThat(matches(c)).isFalse();
    }

    @Test
    void everyHeaderConditionMustHold() throws Exception {
        RuleCondition c = cond();
        c.headers = List.of(new HeaderMatch("X-Mailer", "thunder"), new HeaderMatch("X-Spam-Status", "no"));
        assertThat(matches(c)).isTrue();
        c.headers = List.of(new HeaderMatch("X-Mailer", "thunder"), new HeaderMatch("X-Spam-Status", "yes"));
        assertThat(matches(c)).isFalse();
    }

    @Test
    void aHeaderValueIsMatchedUnfoldedAndDecoded() throws Exception {
        MimeMessage m = parse("From: a@b.example\r\nX-Tag: first part\r\n  =?UTF-8?Q?gr=C3=BC=C3=9Fe?=\r\n\r\nx\r\n");
        RuleCondition c = cond();
        c.headers = List.of(new HeaderMatch("X-Tag", "part grüße"));
        assertThat(matches(c, m, 10)).isTrue();
    }

    @Test
    void sizeAboveAndBelowAreStrict() throws Exception {
        RuleCondition c = cond();
        c.sizeAbove = 1000L;
        assertThat(matches(c, msg(), 1001)).isTrue();
        assertThat(matches(c, msg(), 1000)).isFalse();
        c = cond();
        c.sizeBelow = 1000L;
        assertThat(matches(c, msg(), 999)).isTrue();
        assertThat(matches(c, msg(), 1000)).isFalse();
        c.sizeAbove = 100L;
        assertThat(matches(c, msg(), 500)).as("a range").isTrue();
        assertThat(matches(c, msg(), 50)).isFalse();
    }

    @Test
    void sentOnlyToMeWantsTheRecipientAsTheOnlyToAddress() throws Exception {
        RuleCondition c = cond();
        c.sentOnlyToMe = true;
        assertThat(matches(c)).as("two To addresses").isFalse();
        MimeMessage alone = parse("From: a@b.example\r\nTo: John <JOHN@example.com>\r\nCc: x@y.example\r\n\r\nx\r\n");
        assertThat(matches(c, alone, 10)).as("alone in To (case-insensitive), Cc does not count").isTrue();
        MimeMessage other = parse("From: a@b.example\r\nTo: jane@example.com\r\n\r\nx\r\n");
        assertThat(matches(c, other, 10)).isFalse();
        assertThat(RuleEngine.matches(c, alone, null, null, 10)).as("no recipient known").isFalse();
    }

    @Test
    void allGivenPartsMustMatch() throws Exception {
        RuleCondition c = cond();
        c.fromContains = List.of("alice");
        c.subjectContains = List.of("report");
        c.sentToContains = List.of("team");
        c.headers = List.of(new HeaderMatch("X-Mailer", null));
        c.sizeAbove = 10L;
        assertThat(matches(c)).isTrue();
        c.subjectContains = List.of("holiday");
        assertThat(matches(c)).isFalse();
        c.subjectContains = List.of("report");
        c.sizeBelow = 100L;
        assertThat(matches(c)).as("size 1000 is not below 100").isFalse();
    }

    @Test
    void anUnparsableFromIsMatchedAsText() throws Exception {
        MimeMessage m = parse("From: broken <<weird@@sender\r\nSubject: x\r\n\r\nx\r\n");
        RuleCondition c = cond();
        c.fromContains = List.of("weird@@sender");
        assertThat(RuleEngine.matches(c, m, null, ME, 10)).isTrue();
    }

    // ---- evaluation ---------------------------------------------------------------------------

    @Test
    void noRulesNothingToDo() throws Exception {
        Outcome o = RuleEngine.evaluate(List.of(), msg(), null, ME, 1);
        assertThat(o.anyMatched()).isFalse();
        assertThat(o.targetFolder()).isNull();
        assertThat(o.discard()).isFalse();
        assertThat(RuleEngine.evaluate(null, msg(), null, ME, 1)).isEqualTo(Outcome.NONE);
    }

    @Test
    void nonMatchingAndDisabledRulesAreSkipped() throws Exception {
        RuleCondition never = cond();
        never.subjectContains = List.of("no such subject");
        Rule disabled = rule("off", 1, null, RuleAction.move(FOLDER_A));
        disabled.enabled = false;
        Outcome o = eval(disabled, rule("never", 2, never, RuleAction.delete()), rule("read", 3, null, RuleAction.markRead()));
        assertThat(o.matched()).containsExactly("read");
        assertThat(o.moveTo()).isNull();
        assertThat(o.delete()).isFalse();
        assertThat(o.markRead()).isTrue();
    }

    @Test
    void rulesRunInSequenceAndStopEndsTheEvaluation() throws Exception {
        Rule first = rule("first", 1, null, RuleAction.move(FOLDER_A));
        first.stop = true;
        Rule later = rule("later", 5, null, RuleAction.markRead(), RuleAction.forward("x@elsewhere.example"));
        Outcome o = eval(later, first);
        assertThat(o.matched()).containsExactly("first");
        assertThat(o.moveTo()).isEqualTo(FOLDER_A);
        assertThat(o.markRead()).isFalse();
        assertThat(o.forwards()).isEmpty();

        first.stop = false;
        o = eval(later, first);
        assertThat(o.matched()).containsExactly("first", "later");
        assertThat(o.markRead()).isTrue();
    }

    @Test
    void stopOnANonMatchingRuleDoesNothing() throws Exception {
        RuleCondition never = cond();
        never.fromContains = List.of("nobody");
        Rule r = rule("never", 1, never, RuleAction.markRead());
        r.stop = true;
        Outcome o = eval(r, rule("next", 2, null, RuleAction.copy(FOLDER_B)));
        assertThat(o.matched()).containsExactly("next");
        assertThat(o.copies()).containsExactly(FOLDER_B);
    }

    @Test
    void theFirstMoveWinsAndLaterMovesBecomeCopies() throws Exception {
        Outcome o = eval(rule("a", 1, null, RuleAction.move(FOLDER_A)), rule("b", 2, null, RuleAction.move(FOLDER_B)),
                rule("c", 3, null, RuleAction.move(FOLDER_A.toLowerCase())));
        assertThat(o.moveTo()).isEqualTo(FOLDER_A);
        assertThat(o.targetFolder()).isEqualTo(FOLDER_A);
        assertThat(o.copies()).as("the same folder once, whatever the case of the id").containsExactly(FOLDER_B);
    }

    @Test
    void copiesAreCollectedWithoutDuplicates() throws Exception {
        Outcome o = eval(rule("a", 1, null, RuleAction.copy(FOLDER_B), RuleAction.copy(FOLDER_C)),
                rule("b", 2, null, RuleAction.copy(FOLDER_B), RuleAction.move(FOLDER_C)));
        assertThat(o.moveTo()).isEqualTo(FOLDER_C);
        assertThat(o.copies()).as("a copy to the target folder is the stored message itself").containsExactly(FOLDER_B);
        assertThat(o.copyFolders()).containsExactly(FOLDER_B);
        assertThat(o.discard()).isFalse();
    }

    @Test
    void aCopyWithoutMoveKeepsTheInbox() throws Exception {
        Outcome o = eval(rule("c", 1, null, RuleAction.copy(FOLDER_B)));
        assertThat(o.targetFolder()).isNull();
        assertThat(o.copyFolders()).containsExactly(FOLDER_B);
    }

    @Test
    void deleteDiscardsTheMessageAndEndsTheEvaluation() throws Exception {
        Outcome o = eval(rule("spam", 1, null, RuleAction.delete(), RuleAction.forward("x@elsewhere.example")),
                rule("after", 2, null, RuleAction.move(FOLDER_A)));
        assertThat(o.delete()).isTrue();
        assertThat(o.discard()).isTrue();
        assertThat(o.deletedBy()).isEqualTo("spam");
        assertThat(o.forwards()).as("the rest of the deleting rule runs").containsExactly(List.of("x@elsewhere.example"));
        assertThat(o.matched()).containsExactly("spam");
        assertThat(o.targetFolder()).isNull();
    }

    @Test
    void deleteAfterAMoveOrCopyKeepsThoseOnly() throws Exception {
        Outcome moved = eval(rule("m", 1, null, RuleAction.move(FOLDER_A), RuleAction.copy(FOLDER_B)),
                rule("d", 2, null, RuleAction.delete()));
        assertThat(moved.discard()).isFalse();
        assertThat(moved.targetFolder()).isEqualTo(FOLDER_A);
        assertThat(moved.copyFolders()).containsExactly(FOLDER_B);

        Outcome copied = eval(rule("c", 1, null, RuleAction.copy(FOLDER_B), RuleAction.copy(FOLDER_C)),
                rule("d", 2, null, RuleAction.delete()));
        assertThat(copied.discard()).isFalse();
        assertThat(copied.targetFolder()).as("not in the Inbox: the first copy is the stored one").isEqualTo(FOLDER_B);
        assertThat(copied.copyFolders()).containsExactly(FOLDER_C);
    }

    @Test
    void anUnnamedDeletingRuleIsNamedBySequence() throws Exception {
        Outcome o = eval(rule(null, 7, null, RuleAction.delete()));
        assertThat(o.deletedBy()).isEqualTo("#7");
    }

    @Test
    void forwardsAndRedirectsAreCollectedPerAction() throws Exception {
        Outcome o = eval(rule("f", 1, null, RuleAction.forward("a@x.example", " ", "b@x.example"),
                        RuleAction.redirect("c@y.example")),
                rule("g", 2, null, RuleAction.forward("d@z.example"), RuleAction.forward()));
        assertThat(o.forwards()).containsExactly(List.of("a@x.example", "b@x.example"), List.of("d@z.example"));
        assertThat(o.redirects()).containsExactly(List.of("c@y.example"));
        assertThat(o.targetFolder()).isNull();
        assertThat(o.discard()).isFalse();
    }

    @Test
    void actionTypesAreCaseInsensitiveAndUnknownOnesIgnored() throws Exception {
        RuleAction move = RuleAction.move(FOLDER_A);
        move.type = "move";
        RuleAction odd = new RuleAction("BOUNCE");
        Outcome o = eval(rule("x", 1, null, odd, move, null));
        assertThat(o.moveTo()).isEqualTo(FOLDER_A);
    }

    @Test
    void conditionsOfEachRuleDecide() throws Exception {
        RuleCondition fromAlice = cond();
        fromAlice.fromContains = List.of("alice");
        RuleCondition big = cond();
        big.sizeAbove = 5000L;
        RuleCondition spam = cond();
        spam.headers = List.of(new HeaderMatch("X-Spam-Status", "No"));
        Outcome o = eval(rule("boss", 1, fromAlice, RuleAction.move(FOLDER_A)),
                rule("big", 2, big, RuleAction.delete()),
                rule("ham", 3, spam, RuleAction.markRead()));
        assertThat(o.matched()).containsExactly("boss", "ham");
        assertThat(o.discard()).isFalse();
        assertThat(o.markRead()).isTrue();
        assertThat(o.moveTo()).isEqualTo(FOLDER_A);
    }
}
