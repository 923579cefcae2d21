package org.zcp.itests.matrix;

import static org.zcp.itests.matrix.LineConn.quote;
import static org.zcp.itests.matrix.Probe.op;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.UserDetails;
import org.zcp.itests.Fixture;

/**
 * Probes of the gateway rows: IMAP and POP3 as the role (ports from prepare.sh: lmtp_port + 140 and
 * + 107), LMTP with the role as recipient, and the spooler's send-as decision.
 */
final class GatewayProbes {
    static final int IMAP = 140;
    static final int POP3 = 107;

    private GatewayProbes() {
    }

    @FunctionalInterface
    interface ImapAction {
        String run(LineConn conn) throws Exception;
    }

    /** Logs in as the role (a refused login is the cell's "NO") and runs the commands. */
    static String imap(Cell c, ImapAction action) throws Exception {
        try (LineConn conn = new LineConn(LineConn.port(IMAP))) {
            LineConn.Imap login = conn.imap("LOGIN " + quote(c.login()) + " " + quote(c.password()));
            if (!login.ok()) return login.status();
            return action.run(conn);
        }
    }

    static String matrix(Cell c) {
        return "Public folders/" + c.w.matrixName;
    }

    /** SELECT the Matrix folder, then the action; a refused SELECT is the cell's answer. */
    static String inMatrix(Cell c, ImapAction action) throws Exception {
        return imap(c, conn -> {
            LineConn.Imap sel = conn.imap("SELECT " + quote(matrix(c)));
            return sel.ok() ? action.run(conn) : sel.status();
        });
    }

    static void register(Map<String, Probe> p) {
        imapRows(p);
        imapMessageRows(p);
        p.put("pop3:PASS/self", c -> op(() -> pop3(c.login(), c.password())));
        p.put("pop3:PASS/name-case", c -> op(() -> pop3(MatrixWorld.otherCase(c.login()), c.password())));
        p.put("pop3:PASS/victim-name-own-password", c -> op(() -> pop3(c.w.victim(), c.password())));
        p.put("lmtp:DATA/role-address", c -> {
            String rcpt = c.w.email(c.login());
            return op(() -> lmtp(rcpt, 200));
        });
        p.put("lmtp:DATA/over-quota", c -> {
            String rcpt = c.w.email(c.login());
            UserDetails q = new UserDetails();
            q.quotaOverride = true;
            q.quotaWarn = 0L;
            q.quotaSoft = 0L;
            q.quotaHard = 50L;
            c.c.setUser(c.w.admin, c.login(), q);
            return new Probe.Prepared(() -> lmtp(rcpt, 2000), () -> {
                UserDetails back = new UserDetails();
                back.quotaOverride = false;
                c.c.setUser(c.w.admin, c.login(), back);
            });
        });
        // manual 8.3.5: From another user needs the send-as right
        p.put("spooler:SUBMIT/send-as-victim", c -> {
            Message m = Fixture.message("as the victim " + c.w.suffix, 1L);
            m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, c.w.email(c.w.victim())));
            m.recipients = new ArrayList<>(List.of(Fixture.recipient("Outside", "outside@example.net", 1)));
            String msg = c.c.createMessage(c.sid(), c.w.ownStore(c.role).inboxId, m, false);
            return Probe.allow(x -> x.c.submitMessage(x.sid(), msg), c);
        });
    }

    private static void imapRows(Map<String, Probe> p) {
        p.put("imap:LOGIN/self", c -> op(() -> imap(c, conn -> "OK")));
        p.put("imap:LOGIN/name-case", c -> op(() -> {
            try (LineConn conn = new LineConn(LineConn.port(IMAP))) {
                return conn.imap("LOGIN " + quote(MatrixWorld.otherCase(c.login())) + " " + quote(c.password())).status();
            }
        }));
        p.put("imap:SELECT/other-users-inbox", c -> op(() -> imap(c, conn -> conn.imap("SELECT "
                + quote("Other Users/" + c.w.victim() + "/INBOX")).status())));
        p.put("imap:LIST/matrix", c -> op(() -> imap(c, conn -> listed(conn, "Public folders/" + c.w.matrixName))));
        p.put("imap:LIST/matrix-secret", c -> op(() -> imap(c, conn -> listed(conn,
                "Public folders/" + c.w.matrixName + "/Secret"))));
        p.put("imap:SELECT/matrix", c -> op(() -> imap(c, conn -> conn.imap("SELECT " + quote(matrix(c))).status())));
        p.put("imap:EXAMINE/matrix", c -> op(() -> imap(c, conn -> conn.imap("EXAMINE " + quote(matrix(c))).status())));
        p.put("imap:STATUS/matrix", c -> op(() -> imap(c, conn -> conn.imap("STATUS " + quote(matrix(c))
                + " (MESSAGES)").status())));
        p.put("imap:APPEND/matrix", c -> op(() -> imap(c, conn -> conn.append(matrix(c),
                rfc822("appended by " + c.role.column)).status())));
        p.put("imap:CREATE/matrix-sub", c -> op(() -> imap(c, conn -> conn.imap("CREATE "
                + quote(matrix(c) + "/" + c.w.unique("sub"))).status())));
        p.put("imap:DELETE/fresh-sub", c -> {
            String sub = freshSub(c);
            return op(() -> imap(c, conn -> conn.imap("DELETE " + quote(matrix(c) + "/" + sub)).status()));
        });
        p.put("imap:RENAME/fresh-sub", c -> {
            String sub = freshSub(c);
            return op(() -> imap(c, conn -> conn.imap("RENAME " + quote(matrix(c) + "/" + sub) + " "
                    + quote(matrix(c) + "/" + sub + "-renamed")).status()));
        });
        p.put("imap:SUBSCRIBE/matrix", c -> op(() -> imap(c, conn -> conn.imap("SUBSCRIBE " + quote(matrix(c))).status())));
    }

    private static void imapMessageRows(Map<String, Probe> p) {
        p.put("imap:FETCH/matrix", c -> op(() -> inMatrix(c, conn -> conn.imap("FETCH 1 (BODY.PEEK[])").status())));
        p.put("imap:SEARCH/matrix", c -> op(() -> inMatrix(c, conn -> conn.imap("SEARCH ALL").status())));
        p.put("imap:COPY/matrix-to-inbox", c -> op(() -> inMatrix(c, conn -> conn.imap("COPY 1 INBOX").status())));
        p.put("imap:STORE/matrix-flagged", c -> op(() -> inMatrix(c, conn -> conn.imap("STORE 1 +FLAGS (\\Flagged)")
                .status())));
        // 'filtered': OK, but the message is still there
        p.put("imap:EXPUNGE/matrix-fresh", c -> {
            String subject = freshPublicMessage(c);
            return op(() -> inMatrix(c, conn -> {
                LineConn.Imap st = conn.imap("STORE " + seq(conn, subject) + " +FLAGS.SILENT (\\Deleted)");
                if (!st.ok()) return st.status();
                LineConn.Imap ex = conn.imap("EXPUNGE");
                if (!ex.ok()) return ex.status();
                return stillThere(c, subject) ? "filtered" : "OK";
            }));
        });
        p.put("imap:MOVE/matrix-fresh-to-inbox", c -> {
            String subject = freshPublicMessage(c);
            return op(() -> inMatrix(c, conn -> {
                LineConn.Imap mv = conn.imap("MOVE " + seq(conn, subject) + " INBOX");
                if (!mv.ok()) return mv.status();
                return stillThere(c, subject) ? "filtered" : "OK";
            }));
        });
        p.put("imap:COPY/inbox-into-matrix", c -> {
            c.c.deliverMessage(c.w.admin, c.login(), "sender@example.org",
                    new jakarta.activation.DataHandler(new jakarta.mail.util.ByteArrayDataSource(
                            rfc822("for copying"), "message/rfc822")), null, false, false);
            return op(() -> imap(c, conn -> {
                LineConn.Imap sel = conn.imap("SELECT INBOX");
                if (!sel.ok()) throw new IllegalStateException("own INBOX: " + sel.text());
                return conn.imap("COPY 1 " + quote(matrix(c))).status();
            }));
        });
    }

    /** 'OK' when LIST shows the mailbox, 'filtered' when it leaves it out. */
    private static String listed(LineConn conn, String mailbox) throws Exception {
        LineConn.Imap l = conn.imap("LIST \"\" " + quote("Public folders/*"));
        if (!l.ok()) return l.status();
        for (String line : l.untagged()) {
            if (line.endsWith(quote(mailbox)) || line.endsWith(" " + mailbox)) return "OK";
        }
        return "filtered";
    }

    /** A subfolder of Matrix where the role holds its one right and the victim all. */
    private static String freshSub(Cell c) throws Exception {
        String name = c.w.unique("sub");
        String sub = c.c.createFolder(c.w.admin, c.w.matrix, name, "IPF.Note", false);
        List<AclEntry> acl = new ArrayList<>(List.of(new AclEntry(c.w.victim(), "user", org.zcp.api.mapi.Rights.ALL)));
        acl.addAll(c.w.only(c.role, 0));
        c.w.setAcl(c.w.admin, sub, acl);
        return name;
    }

    private static String freshPublicMessage(Cell c) throws Exception {
        String subject = c.w.unique("pub");
        c.c.createMessage(c.w.admin, c.w.matrix, Fixture.message(subject, 1L), false);
        return subject;
    }

    private static String seq(LineConn conn, String subject) throws Exception {
        LineConn.Imap s = conn.imap("SEARCH SUBJECT " + quote(subject));
        for (String line : s.untagged()) {
            String[] f = line.split(" ");
            if (line.startsWith("* SEARCH") && f.length > 2) return f[f.length - 1];
        }
        throw new IllegalStateException("the fresh message '" + subject + "' is not in the selected Matrix folder");
    }

    private static boolean stillThere(Cell c, String subject) throws Exception {
        return Fixture.subjects(c.c.queryContents(c.w.admin, c.w.matrix, Fixture.columns(PropTag.PR_SUBJECT)))
                .contains(subject);
    }

    static byte[] rfc822(String subject) {
        return ("From: Sender <sender@example.org>\r\nTo: someone@example.org\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + java.util.UUID.randomUUID() + "@example.org>\r\n\r\nBody\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    static String pop3(String user, String password) throws Exception {
        try (LineConn conn = new LineConn(LineConn.port(POP3))) {
            conn.send("USER " + user);
            if (!conn.line().startsWith("+OK")) return "NO";
            conn.send("PASS " + password);
            String r = conn.line();
            conn.send("QUIT");
            return r.startsWith("+OK") ? "OK" : "NO";
        }
    }

    /** One delivery over LMTP; the reply code of RCPT when it refuses, else of the data. */
    static String lmtp(String rcpt, int bodySize) throws Exception {
        try (LineConn conn = new LineConn(LineConn.port(0))) {
            conn.send("LHLO matrix");
            String l;
            do {
                l = conn.line();
            } while (l.length() > 3 && l.charAt(3) == '-');
            conn.send("MAIL FROM:<sender@example.org>");
            conn.line();
            conn.send("RCPT TO:<" + rcpt + ">");
            String r = conn.line();
            if (!r.startsWith("2")) return r.substring(0, 3);
            conn.send("DATA");
            conn.line();
            conn.send("From: sender@example.org\r\nTo: " + rcpt + "\r\nSubject: matrix\r\n\r\n" + "x".repeat(bodySize)
                    + "\r\n.");
            String d = conn.line();
            conn.send("QUIT");
            return d.substring(0, 3);
        }
    }
}
