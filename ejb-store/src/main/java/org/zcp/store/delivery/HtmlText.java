package org.zcp.store.delivery;

/** A plain-text rendering of an HTML body, for PR_BODY when a message has only HTML. */
final class HtmlText {
    private HtmlText() {
    }

    static String toText(String html) {
        String s = html.replaceAll("(?is)<(script|style|title|head)[^>]*>.*?</\\1>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|tr|li|h[1-6])>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        s = entities(s);
        return s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static final java.util.Map<String, String> NAMED = java.util.Map.ofEntries(
            java.util.Map.entry("nbsp", " "), java.util.Map.entry("lt", "<"), java.util.Map.entry("gt", ">"),
            java.util.Map.entry("quot", "\""), java.util.Map.entry("apos", "'"), java.util.Map.entry("euro", "\u20ac"),
            java.util.Map.entry("copy", "\u00a9"), java.util.Map.entry("reg", "\u00ae"), java.util.Map.entry("szlig", "\u00df"),
            java.util.Map.entry("auml", "\u00e4"), java.util.Map.entry("ouml", "\u00f6"), java.util.Map.entry("uuml", "\u00fc"),
            java.util.Map.entry("Auml", "\u00c4"), java.util.Map.entry("Ouml", "\u00d6"), java.util.Map.entry("Uuml", "\u00dc"),
            java.util.Map.entry("eacute", "\u00e9"), java.util.Map.entry("egrave", "\u00e8"), java.util.Map.entry("aacute", "\u00e1"),
            java.util.Map.entry("agrave", "\u00e0"), java.util.Map.entry("ccedil", "\u00e7"), java.util.Map.entry("ntilde", "\u00f1"),
            java.util.Map.entry("hellip", "\u2026"), java.util.Map.entry("ndash", "\u2013"), java.util.Map.entry("mdash", "\u2014"),
            java.util.Map.entry("laquo", "\u00ab"), java.util.Map.entry("raquo", "\u00bb"), java.util.Map.entry("bull", "\u2022"));

    /** Numeric and common named character references; &amp;amp; last, so it cannot create new ones. */
    static String entities(String s) {
        var m = java.util.regex.Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.startsWith("#x") || e.startsWith("#X")) {
                rep = codePoint(Integer.parseInt(e.substring(2), 16), m.group());
            } else if (e.startsWith("#")) {
                rep = codePoint(Integer.parseInt(e.substring(1)), m.group());
            } else if (e.equals("amp")) {
                rep = "&";
            } else {
                rep = NAMED.getOrDefault(e, m.group());
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String codePoint(int cp, String original) {
        return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : original;
    }
}
