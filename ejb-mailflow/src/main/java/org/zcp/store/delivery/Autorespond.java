package org.zcp.store.delivery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server-wide autoresponder settings of /etc/zarafa/autorespond (manual 4.5), a shell-style
 * file: {@code AUTORESPOND_CC=0}, {@code AUTORESPOND_NORECIP=0}, {@code TIMELIMIT=$[24*60*60]}.
 * The sendmail settings of the original (SENDDB, SENDMAILCMD, ...) are accepted and ignored:
 * replies leave through the spooler and the reply history is kept in the database.
 */
public record Autorespond(boolean cc, boolean noRecipient, long timeLimitSeconds) {
    private static final Logger LOG = Logger.getLogger(Autorespond.class.getName());
    public static final Autorespond DEFAULTS = new Autorespond(false, false, 24 * 60 * 60);
    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Z_]+)\\s*=\\s*(.*?)\\s*$");

    /** The settings of {@code file}; the defaults when it does not exist. */
    public static Autorespond load(Path file) {
        if (file == null || !Files.isReadable(file)) return DEFAULTS;
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            LOG.warning(file + " cannot be read, autoresponder defaults apply: " + e.getMessage());
            return DEFAULTS;
        }
    }

    static Autorespond parse(List<String> lines, String source) {
        boolean cc = DEFAULTS.cc;
        boolean norecip = DEFAULTS.noRecipient;
        long limit = DEFAULTS.timeLimitSeconds;
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.trim().startsWith("#")) continue;
            Matcher m = ASSIGNMENT.matcher(line);
            if (!m.matches()) continue;
            String value = unquote(m.group(2));
            try {
                switch (m.group(1)) {
                    case "AUTORESPOND_CC" -> cc = arithmetic(value) != 0;
                    case "AUTORESPOND_NORECIP" -> norecip = arithmetic(value) != 0;
                    case "TIMELIMIT" -> limit = Math.max(0, arithmetic(value));
                    default -> {
                        // SENDDB, SENDMAILCMD, ...: the original's sendmail plumbing
                    }
                }
            } catch (NumberFormatException e) {
                LOG.warning(source + ":" + n + ": " + m.group(1) + " is not a number: " + value);
            }
        }
        return new Autorespond(cc, norecip, limit);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** A number, or shell arithmetic of numbers, + - * / and parentheses: {@code $[24*60*60]}, {@code $((3600))}. */
    static long arithmetic(String v) {
        String e = v.trim();
        if (e.startsWith("$[") && e.endsWith("]")) e = e.substring(2, e.length() - 1);
        else if (e.startsWith("$((") && e.endsWith("))")) e = e.substring(3, e.length() - 2);
        Expr p = new Expr(e.replaceAll("\\s+", ""));
        long r = p.sum();
        if (p.pos != p.s.length()) throw new NumberFormatException(v);
        return r;
    }

    private static final class Expr {
        final String s;
        int pos;

        Expr(String s) {
            this.s = s;
        }

        long sum() {
            long r = product();
            while (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                char op = s.charAt(pos++);
                long b = product();
                r = op == '+' ? r + b : r - b;
            }
            return r;
        }

        long product() {
            long r = atom();
            while (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                char op = s.charAt(pos++);
                long b = atom();
                if (op == '/' && b == 0) throw new NumberFormatException("division by zero");
                r = op == '*' ? r * b : r / b;
            }
            return r;
        }

        long atom() {
            if (pos < s.length() && s.charAt(pos) == '(') {
                pos++;
                long r = sum();
                if (pos >= s.length() || s.charAt(pos) != ')') throw new NumberFormatException(s);
                pos++;
                return r;
            }
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
            if (start == pos) throw new NumberFormatException(s);
            return Long.parseLong(s.substring(start, pos));
        }
    }
}
