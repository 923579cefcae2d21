package org.zcp.protocols.imap.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The section of a {@code BODY[...]} item (RFC 3501 section 6.4.5) as structure rather than text:
 * the part path ({@code 1.2}, empty for the whole message) and what of that part is wanted.
 *
 * @param part part numbers from the outermost, empty for the message itself
 * @param specifier what of the part; {@link Specifier#NONE} for all of it
 * @param fields the header field names for HEADER.FIELDS and HEADER.FIELDS.NOT, as the client wrote
 *     them (the response echoes them), otherwise empty
 */
public record Section(List<Integer> part, Specifier specifier, List<String> fields) {
    public Section {
        part = List.copyOf(part);
        fields = List.copyOf(fields);
    }

    public enum Specifier {
        NONE, HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT, MIME;

        String wireName() {
            return name().replace('_', '.');
        }
    }

    /** Parses what stands between the brackets. */
    public static Section parse(String text) throws ParseException {
        int space = text.indexOf(' ');
        String head = space < 0 ? text : text.substring(0, space);
        List<Integer> part = new ArrayList<>();
        String[] pieces = head.isEmpty() ? new String[0] : head.split("\\.", -1);
        int i = 0;
        while (i < pieces.length && !pieces[i].isEmpty() && Character.isDigit(pieces[i].charAt(0))) {
            part.add(partNumber(pieces[i]));
            i++;
        }
        String spec = String.join(".", java.util.Arrays.copyOfRange(pieces, i, pieces.length)).toUpperCase(Locale.ROOT);
        Specifier specifier = switch (spec) {
            case "" -> Specifier.NONE;
            case "HEADER" -> Specifier.HEADER;
            case "HEADER.FIELDS" -> Specifier.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> Specifier.HEADER_FIELDS_NOT;
            case "TEXT" -> Specifier.TEXT;
            case "MIME" -> Specifier.MIME;
            default -> throw new ParseException("Invalid section");
        };
        if (specifier == Specifier.MIME && part.isEmpty()) throw new ParseException("MIME needs a part number");
        boolean wantsFields = specifier == Specifier.HEADER_FIELDS || specifier == Specifier.HEADER_FIELDS_NOT;
        List<String> fields = new ArrayList<>();
        if (wantsFields) {
            if (space < 0) throw new ParseException("Header field list expected");
            List<Token> rest = Tokenizer.tokenize(text.substring(space + 1));
            if (rest.size() != 1 || !(rest.get(0) instanceof Token.Parenthesized list) || list.items().isEmpty()) {
                throw new ParseException("Header field list expected");
            }
            for (Token t : list.items()) {
                String name = Args.astring(t);
                if (name.isEmpty() || name.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f || c == ':')) {
                    throw new ParseException("Invalid header field name");
                }
                fields.add(name);
            }
        } else if (space >= 0) {
            throw new ParseException("Invalid section");
        }
        return new Section(part, specifier, fields);
    }

    /** The part numbers of a BINARY section, which has no specifier. */
    static List<Integer> partNumbers(String text) throws ParseException {
        List<Integer> part = new ArrayList<>();
        if (text.isEmpty()) return part;
        for (String p : text.split("\\.", -1)) part.add(partNumber(p));
        return part;
    }

    private static int partNumber(String s) throws ParseException {
        if (s.isEmpty() || s.length() > 9 || s.charAt(0) == '0' || !s.chars().allMatch(Character::isDigit)) {
            throw new ParseException("Invalid section part");
        }
        return Integer.parseInt(s);
    }

    /** The wire form between the brackets, as echoed in the response. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(part.stream().map(String::valueOf).collect(Collectors.joining(".")));
        if (specifier != Specifier.NONE) {
            if (!part.isEmpty()) b.append('.');
            b.append(specifier.wireName());
        }
        if (!fields.isEmpty()) b.append(fields.stream().collect(Collectors.joining(" ", " (", ")")));
        return b.toString();
    }
}
