package org.zcp.protocols.smtp;

import java.io.Serializable;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server reply (RFC 5321 section 4.2), all lines of a multi-line reply folded into one value.
 * The enhanced status code (RFC 3463) is kept apart from the text because a spooler decides on
 * retries and writes its "Undeliverable" reports from the codes, while servers repeat the
 * enhanced code on every line of the text.
 *
 * @param code the three-digit reply code, 200 to 599
 * @param enhancedCode the enhanced status code such as {@code 5.1.1}, or null when the reply has none
 * @param text the text of every line without the codes, lines joined with {@code "\n"}
 */
public record SmtpReply(int code, String enhancedCode, String text) implements Serializable {
    private static final Pattern ENHANCED = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})(?= |$)");

    public SmtpReply {
        if (code < 200 || code > 599) throw new IllegalArgumentException("reply code out of range: " + code);
        if (text == null) throw new IllegalArgumentException("reply text is null");
    }

    /**
     * The reply made of the texts after {@code "250-"} / {@code "250 "} on each line. An enhanced
     * code counts only when its class matches the reply code's first digit, so a greeting naming
     * a host such as {@code 5.6.7.8} is not taken for one.
     */
    static SmtpReply of(int code, List<String> lines) {
        String enhanced = null;
        Matcher m = ENHANCED.matcher(lines.get(0));
        if (m.lookingAt() && m.group(1).charAt(0) - '0' == code / 100) enhanced = m.group();
        StringJoiner text = new StringJoiner("\n");
        for (String line : lines) text.add(enhanced == null ? line : stripEnhanced(line, enhanced));
        return new SmtpReply(code, enhanced, text.toString());
    }

    private static String stripEnhanced(String line, String enhanced) {
        if (!line.startsWith(enhanced)) return line;
        return line.length() == enhanced.length() ? "" : line.substring(enhanced.length() + 1);
    }

    /** 2xx or 3xx: the command was accepted (or, for DATA, the server waits for the message). */
    public boolean positive() {
        return code < 400;
    }

    /** 4xx: refused for now; the same command may succeed later. */
    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    /** 5xx: refused for good; retrying the same command is pointless. */
    public boolean permanentFailure() {
        return code >= 500;
    }

    /** The text split back into the reply's lines. */
    public List<String> lines() {
        return List.of(text.split("\n", -1));
    }

    /** The reply on one line, e.g. {@code 550 5.1.1 <x@y>: Recipient address rejected}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(code);
        if (enhancedCode != null) sb.append(' ').append(enhancedCode);
        if (!text.isEmpty()) sb.append(' ').append(text.replace('\n', ' '));
        return sb.toString();
    }
}
