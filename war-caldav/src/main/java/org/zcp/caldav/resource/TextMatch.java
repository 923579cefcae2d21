package org.zcp.caldav.resource;

import java.util.List;
import java.util.Locale;
import org.w3c.dom.Element;

/**
 * A text-match (RFC 4791 9.7.5, RFC 6352 10.5.4): a substring (or, for CardDAV, equals,
 * starts-with, ends-with) compared without case under i;ascii-casemap and i;unicode-casemap, exactly
 * under i;octet, possibly negated.
 */
public record TextMatch(String text, String matchType, boolean caseless, boolean negate) {
    public static TextMatch of(Element e) {
        String collation = e.getAttribute("collation");
        String type = e.getAttribute("match-type");
        return new TextMatch(e.getTextContent(), type.isEmpty() ? "contains" : type, !"i;octet".equals(collation),
                "yes".equals(e.getAttribute("negate-condition")));
    }

    /** Whether any of the property's values matches (none: only a negated match holds). */
    public boolean matches(List<String> values) {
        boolean hit = values.stream().anyMatch(this::hit);
        return negate != hit;
    }

    private boolean hit(String value) {
        String v = caseless ? value.toLowerCase(Locale.ROOT) : value;
        String t = caseless ? text.toLowerCase(Locale.ROOT) : text;
        return switch (matchType) {
            case "equals" -> v.equals(t);
            case "starts-with" -> v.startsWith(t);
            case "ends-with" -> v.endsWith(t);
            default -> v.contains(t);
        };
    }
}
