package org.zcp.store.pipeline.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.MailetContext;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.delivery.Autorespond;
import org.zcp.store.delivery.OutOfOfficeService;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Services;
import org.zcp.store.api.DeliveryRules;

/**
 * Security review #8: what rules and the autoresponder generate carries X-Zarafa-Loop markers, and
 * nothing is generated for mail that passed through the user or too many automatic hops. The users
 * here run the real mailets; every generated message is delivered to its recipient in turn, as the
 * spooler and the MTA would, until nothing more is generated.
 */
class MailLoopTest {
    static final String FIRST = "From: Carol <carol@outside.example>\r\n"
            + "To: Alice <alice@example.com>\r\n"
            + "Subject: hello\r\n"
            + "Message-ID: <first@outside.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "hi\r\n";

    record Sent(long owner, List<String> to, MimeMessage mime) {
    }

    /** A small mail system: users by id, their rules and out-of-office, and what was sent. */
    static final class World {
        final Map<Long, DirEntry> users = new java.util.HashMap<>();
        final Map<Long, List<Rule>> rules = new java.util.HashMap<>();
        final java.util.Set<Long> away = new java.util.HashSet<>();
        final List<Sent> sent = new ArrayList<>();
        Map<String, String> dagent = Map.of();

        long user(long id, String name) {
            users.put(id, new DirEntry(id, "x", ObjectClass.ACTIVE_USER, 0,
                    Map.of(Attr.NAME, name, Attr.FULLNAME, name, Attr.EMAIL, name + "@example.com")));
            return id;
        }

        void forward(long id, String to) {
            rules.put(id, List.of(new Rule("fw", 1, null, RuleAction.forward(to))));
        }

        void redirect(long id, String to) {
            rules.put(id, List.of(new Rule("rd", 1, null, RuleAction.redirect(to))));
        }

        Services services() {
            ServerSettings settings = DagentSettings.of(dagent);
            Directory directory = new Directory() {
                @Override
                public DirEntry require(long id) {
                    return users.get(id);
                }
            };
            DeliveryRules ruleService = userId -> rules.getOrDefault(userId, List.of());
            OutOfOfficeService oof = new OutOfOfficeService() {
                @Override
                public Settings settings(long userId) {
                    return new Settings(userId, away.contains(userId), "Away", "I am away.", 0, 0);
                }

                @Override
                public Autorespond autorespond() {
                    return Autorespond.DEFAULTS;
                }

                @Override
                public boolean claim(long storeId, String address, long now, long limitSeconds) {
                    return true; // no TIMELIMIT: only the loop protection may stop the replies
                }
            };
            return new Services(settings, directory, (owner, from, to, mime) -> sent.add(new Sent(owner, to,
                    reparse(mime))), ruleService, oof);
        }

        /** Delivers {@code text} to {@code userId} through InboxRules and OutOfOffice. */
        void deliver(long userId, MimeMessage msg) throws Exception {
            Services services = services();
            Mail mail = MailImpl.builder().name("m").sender("someone@outside.example")
                    .addRecipient(users.get(userId).email()).mimeMessage(msg).build();
            MailAttributes.set(mail, MailAttributes.USER, userId);
            for (Mailet m : List.of(new InboxRules(), new OutOfOffice())) {
                init(m, new PipelineContext("test", services));
                m.service(mail);
            }
        }

        /** Delivers the first message, then everything generated, to local users; the number of rounds. */
        int run(long first) throws Exception {
            deliver(first, parse(FIRST));
            int delivered = 0;
            for (int i = 0; i < sent.size() && i < 100; i++) {
                for (String to : sent.get(i).to()) {
                    for (DirEntry u : users.values()) {
                        if (u.email().equalsIgnoreCase(to)) {
                            deliver(u.id(), sent.get(i).mime());
                            delivered++;
                        }
                    }
                }
            }
            return delivered;
        }
    }

    static MimeMessage parse(String text) {
        try {
            return MimeToMapi.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static MimeMessage reparse(MimeMessage m) {
        try {
            return MimeToMapi.parse(new ByteArrayInputStream(MapiToMime.toBytes(m)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void init(Mailet m, MailetContext context) throws Exception {
        m.init(Plugins.config(m.getClass().getSimpleName(), context));
    }

    @Test
    void twoUsersForwardingToEachOtherStopWhenTheMessageComesBack() throws Exception {
        World w = new World();
        long alice = w.user(1, "alice");
        long bob = w.user(2, "bob");
        w.forward(alice, "bob@example.com");
        w.forward(bob, "alice@example.com");

        w.run(alice);

        assertThat(w.sent).extracting(Sent::owner).as("alice -> bob -> alice, and no further").containsExactly(alice,
                bob);
        assertThat(w.sent.get(0).mime().getHeader(MailLoops.HEADER)).containsExactly("<alice@example.com>");
        assertThat(w.sent.get(1).mime().getHeader(MailLoops.HEADER))
                .containsExactly("<alice@example.com>", "<bob@example.com>");
    }

    @Test
    void theMarkerIsWrittenEvenWithoutRuleHeaders() throws Exception {
        World w = new World();
        w.dagent = Map.of("set_rule_headers", "no");
        long alice = w.user(1, "alice");
        long bob = w.user(2, "bob");
        w.forward(alice, "bob@example.com");
        w.forward(bob, "alice@example.com");

        w.run(alice);

        assertThat(w.sent).hasSize(2);
        assertThat(w.sent.get(0).mime().getHeader(InboxRules.RULE_HEADER)).isNull();
    }

    @Test
    void redirectsInACircleStopToo() throws Exception {
        World w = new World();
        long alice = w.user(1, "alice");
        long bob = w.user(2, "bob");
        long carol = w.user(3, "carol");
        w.redirect(alice, "bob@example.com");
        w.redirect(bob, "carol@example.com");
        w.redirect(carol, "alice@example.com");

        w.run(alice);

        assertThat(w.sent).extracting(Sent::owner).containsExactly(alice, bob, carol);
    }

    @Test
    void aChainOfDifferentUsersStopsAfterThreeHops() throws Exception {
        World w = new World();
        for (int i = 1; i <= 6; i++) {
            long id = w.user(i, "u" + i);
            w.forward(id, "u" + (i + 1) + "@example.com");
        }

        w.run(1);

        assertThat(w.sent).extracting(Sent::owner).containsExactly(1L, 2L, 3L);
        assertThat(w.sent.get(2).mime().getHeader(MailLoops.HEADER)).hasSize(MailLoops.MAX_HOPS);
    }

    @Test
    void anAutoreplyToAForwardingUserEndsTheExchange() throws Exception {
        World w = new World();
        long alice = w.user(1, "alice");
        long bob = w.user(2, "bob");
        w.forward(alice, "bob@example.com");
        w.away.add(bob);
        w.forward(bob, "alice@example.com");
        w.away.add(alice);

        int delivered = w.run(alice);

        assertThat(delivered).as("a bounded exchange").isLessThan(10);
        for (Sent s : w.sent) {
            assertThat(s.mime().getHeader(MailLoops.HEADER)).as("every generated message is marked").isNotEmpty();
        }
        int autoreplies = 0;
        for (Sent s : w.sent) {
            if (s.mime().getHeader("Auto-Submitted") != null) autoreplies++;
        }
        assertThat(autoreplies).as("autoreplies were sent").isPositive();
    }

    @Test
    void aMessageThatPassedThroughTheUserOrTooManyHopsIsRefused() {
        List<String> own = List.of("alice@example.com");
        assertThat(MailLoops.refusal(parse(FIRST), own)).isNull();
        assertThat(MailLoops.refusal(parse("X-Zarafa-Loop: <ALICE@example.com>\r\n" + FIRST), own)).isNotNull();
        assertThat(MailLoops.refusal(parse("X-Zarafa-Loop: <a@x>\r\nX-Zarafa-Loop: <b@x>\r\n" + FIRST), own)).isNull();
        assertThat(MailLoops.refusal(parse("X-Zarafa-Loop: <a@x>\r\nX-Zarafa-Loop: <b@x>\r\nX-Zarafa-Loop: <c@x>\r\n"
                + FIRST), own)).contains("3 automatic");
    }

    @Test
    void autoSubmittedOtherThanNoIsNeverAnswered() throws Exception {
        assertThat(OutOfOffice.automatic(parse(FIRST))).isFalse();
        assertThat(OutOfOffice.automatic(parse("Auto-Submitted: no\r\n" + FIRST))).isFalse();
        assertThat(OutOfOffice.automatic(parse("Auto-Submitted: No (a person)\r\n" + FIRST))).isFalse();
        assertThat(OutOfOffice.automatic(parse("Auto-Submitted: auto-replied\r\n" + FIRST))).isTrue();
        assertThat(OutOfOffice.automatic(parse("Auto-Submitted: auto-generated; owner=x\r\n" + FIRST))).isTrue();
        assertThat(OutOfOffice.automatic(parse("Auto-Submitted: no-thanks\r\n" + FIRST))).isTrue();
        assertThat(OutOfOffice.automatic(parse("Auto-Submitted: no\r\nAuto-Submitted: auto-notified\r\n" + FIRST)))
                .isTrue();
        assertThat(OutOfOffice.automatic(parse("List-Id: <team.example.com>\r\n" + FIRST))).isTrue();
    }

    @Test
    void loopMarkersCopiedFromHostileMailAreCleanedAndFew() throws Exception {
        MimeMessage in = parse("X-Zarafa-Loop: <a@x> junk\r\n\tmore<>\r\n" + FIRST);
        MimeMessage out = new MimeMessage(MimeToMapi.session());
        MailLoops.mark(out, in, "Bob@Example.com", false);
        assertThat(out.getHeader(MailLoops.HEADER)).containsExactly("<a@xjunkmore>", "<bob@example.com>");
    }
}
