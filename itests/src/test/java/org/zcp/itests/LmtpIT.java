package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.Row;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/** LMTP on lmtp_port through the gateway resource adapter into the store (RFC 2033, manual 5.4). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LmtpIT {
    static ZarafaCmd c;
    static String admin;
    static String company;
    static String alice;
    static String full;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
        alice = ItServer.user(admin, company, "alice");
        full = ItServer.user(admin, company, "fullbox");
        UserDetails q = new UserDetails();
        q.quotaOverride = true;
        q.quotaWarn = 0L;
        q.quotaSoft = 0L;
        q.quotaHard = 50L;
        c.setUser(admin, full, q);
    }

    static String email(String login) throws Exception {
        return c.getUser(admin, login).email;
    }

    /** Sends commands one by one and returns every reply line. */
    static List<String> session(List<String> commands, String data, int dataReplies) throws Exception {
        int port = Integer.getInteger("zcp.itest.lmtpport", 12003);
        List<String> replies = new ArrayList<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            replies.add(in.readLine());
            for (String cmd : commands) {
                out.write((cmd + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                String line;
                do {
                    line = in.readLine();
                    replies.add(line);
                } while (line.length() > 3 && line.charAt(3) == '-');
            }
            if (data != null) {
                out.write((data.replace("\n", "\r\n") + "\r\n.\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                for (int i = 0; i < dataReplies; i++) replies.add(in.readLine());
            }
        }
        return replies;
    }

    /** {@code n} LMTP sessions started at the same moment; the last reply line of each. */
    static List<String> inParallel(int n, java.util.function.IntFunction<java.util.concurrent.Callable<List<String>>> session)
            throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<List<String>>> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            java.util.concurrent.Callable<List<String>> one = session.apply(i);
            sessions.add(pool.submit(() -> {
                start.await();
                return one.call();
            }));
        }
        start.countDown();
        List<String> last = new ArrayList<>();
        try {
            for (var f : sessions) {
                List<String> r = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                last.add(r.get(r.size() - 1));
            }
        } finally {
            pool.shutdownNow();
        }
        return last;
    }

    @Test
    void eachRecipientGetsItsOwnAnswerAndAFullMailboxDoesNotStopTheOther() throws Exception {
        String a = email(alice);
        String f = email(full);
        long before = c.getUser(admin, alice).storeSize;
        List<String> r = session(List.of("LHLO itest", "MAIL FROM:<sender@example.org>", "RCPT TO:<" + a + ">",
                "RCPT TO:<ghost@" + company + ".example.com>", "RCPT TO:<" + f + ">", "DATA"),
                "From: Sender <sender@example.org>\nTo: " + a + "\nSubject: over LMTP\n\nHello " + "x".repeat(200) + "\n", 2);

        assertThat(r).contains("250 2.1.0 Ok", "550 5.1.1 <ghost@" + company
                + ".example.com>: Recipient address rejected: User unknown", "354 End data with <CR><LF>.<CR><LF>",
                "250 2.1.5 <" + a + "> Delivered", "552 5.2.2 <" + f + ">: Mailbox full, quota exceeded");
        assertThat(c.getUser(admin, full).storeSize).isZero();
        assertThat(c.getUser(admin, alice).storeSize).isGreaterThan(before);

        String s = ItServer.logon(alice, ItServer.password(alice));
        List<Row> rows = c.queryContents(s, c.getStore(s, null).inboxId,
                Fixture.columns(PropTag.PR_SUBJECT, PropTag.PR_TRANSPORT_MESSAGE_HEADERS)).rows;
        assertThat(rows).hasSize(1);
        assertThat(PropValues.string(rows.get(0).props, PropTag.PR_SUBJECT)).isEqualTo("over LMTP");
        assertThat(PropValues.string(rows.get(0).props, PropTag.PR_TRANSPORT_MESSAGE_HEADERS))
                .startsWith("Return-Path: <sender@example.org>").contains("with LMTP");
    }

    /**
     * Single-instance storage under concurrency (issue 10): twenty LMTP sessions deliver messages
     * carrying the same, never seen attachment at once. Each must be acknowledged and stored;
     * before, the losers of the "look up, then insert" race on the content row got a 451.
     */
    @Test
    void theSameAttachmentDeliveredInTwentyParallelSessionsIsStoredForEach() throws Exception {
        String login = ItServer.user(admin, company, "samefile");
        String to = email(login);
        byte[] content = new byte[4096];
        new java.security.SecureRandom().nextBytes(content);
        String b64 = java.util.Base64.getMimeEncoder().encodeToString(content);
        List<String> last = inParallel(20, n -> () -> session(List.of("LHLO itest", "MAIL FROM:<sender@example.org>",
                "RCPT TO:<" + to + ">", "DATA"),
                "From: <sender@example.org>\nTo: " + to + "\nSubject: same file " + n + "\nMessage-ID: <same-"
                        + n + "-" + java.util.UUID.randomUUID() + "@example.org>\nMIME-Version: 1.0\n"
                        + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee the file\n"
                        + "--b\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=same.bin\n"
                        + "Content-Transfer-Encoding: base64\n\n" + b64.replace("\r\n", "\n") + "\n--b--\n", 1));
        assertThat(last).as("every session's answer to its message").hasSize(20)
                .allSatisfy(l -> assertThat(l).startsWith("250 2.1.5"));
        String s = ItServer.logon(login, ItServer.password(login));
        List<Row> rows = c.queryContents(s, c.getStore(s, null).inboxId,
                Fixture.columns(PropTag.PR_SUBJECT, PropTag.PR_HASATTACH)).rows;
        assertThat(rows).hasSize(20);
    }

    /**
     * An MTA that lost the answer delivers again (manual 5.4): the same Message-ID within a day is
     * acknowledged and stored once, also when ten sessions deliver it at the same moment (the check
     * runs under the store's lock, after the rows are written).
     */
    @Test
    void theSameMessageDeliveredAgainOrInParallelIsStoredOnce() throws Exception {
        String login = ItServer.user(admin, company, "dupes");
        String to = email(login);
        String once = "From: <sender@example.org>\nTo: " + to + "\nSubject: once\nMessage-ID: <once-"
                + java.util.UUID.randomUUID() + "@example.org>\n\nbody\n";
        String racing = "From: <sender@example.org>\nTo: " + to + "\nSubject: racing\nMessage-ID: <racing-"
                + java.util.UUID.randomUUID() + "@example.org>\n\nbody\n";
        List<String> commands = List.of("LHLO itest", "MAIL FROM:<sender@example.org>", "RCPT TO:<" + to + ">", "DATA");
        List<String> first = session(commands, once, 1);
        List<String> again = session(commands, once, 1);
        List<String> last = inParallel(10, n -> () -> session(commands, racing, 1));

        assertThat(first.get(first.size() - 1)).startsWith("250 2.1.5");
        assertThat(again.get(again.size() - 1)).startsWith("250 2.1.5");
        assertThat(last).hasSize(10).allSatisfy(l -> assertThat(l).startsWith("250 2.1.5"));
        String s = ItServer.logon(login, ItServer.password(login));
        List<Row> rows = c.queryContents(s, c.getStore(s, null).inboxId, Fixture.columns(PropTag.PR_SUBJECT)).rows;
        assertThat(rows).hasSize(2);
    }

    @Test
    void postfixRecipientLookupsOverSocketmapAnswerForUsersAndAliases() throws Exception {
        int port = Integer.getInteger("zcp.itest.lmtpport", 12003) + 1;
        String a = email(alice);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            java.io.InputStream in = s.getInputStream();
            for (String[] q : new String[][] {{"mailbox " + a, "OK " + a},
                    {"mailbox " + alice, "OK " + a}, {"mailbox ghost@nowhere.example", "NOTFOUND "},
                    {"mailbox @" + company + ".example.com", "NOTFOUND "},
                    // the alias map rewrites only what is not a primary address already
                    {"alias " + a, "NOTFOUND "}, {"alias " + alice, "OK " + a},
                    {"virtual " + a, "PERM unknown map virtual (only 'mailbox' and 'alias')"}}) {
                byte[] req = q[0].getBytes(StandardCharsets.UTF_8);
                out.write((req.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.write(req);
                out.write(',');
                out.flush();
                StringBuilder len = new StringBuilder();
                int ch;
                while ((ch = in.read()) != ':') len.append((char) ch);
                String reply = new String(in.readNBytes(Integer.parseInt(len.toString())), StandardCharsets.UTF_8);
                assertThat(in.read()).isEqualTo(',');
                assertThat(reply).as(q[0]).isEqualTo(q[1]);
            }
        }
    }

    @Test
    void protocolErrorsAreAnsweredAndTheSessionGoesOn() throws Exception {
        List<String> r = session(List.of("EHLO x", "MAIL FROM:<a@b>", "LHLO x", "RCPT TO:<x@y>", "DATA", "NOOP",
                "QUIT"), null, 0);
        assertThat(r).containsSubsequence("500 5.5.1 This is an LMTP server: use LHLO", "503 5.5.1 Error: send LHLO first",
                "250 SIZE", "503 5.5.1 Error: need MAIL command", "503 5.5.1 Error: need MAIL command", "250 2.0.0 Ok");
        assertThat(r.get(r.size() - 1)).startsWith("221 2.0.0");
    }
}
