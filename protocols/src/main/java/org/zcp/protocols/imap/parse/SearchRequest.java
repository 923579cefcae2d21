package org.zcp.protocols.imap.parse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The arguments of SEARCH / UID SEARCH: optional {@code RETURN (...)} (ESEARCH, RFC 4731, with
 * SAVE of RFC 5182), optional {@code CHARSET}, and the criteria.
 *
 * @param returnOptions upper-cased RETURN options (MIN MAX ALL COUNT SAVE); null when no RETURN
 *     was given, which asks for the classic untagged SEARCH response
 * @param charset the CHARSET as given, or null
 * @param charsetSupported false when Java does not know the charset; the session answers
 *     {@code NO [BADCHARSET]} then (the strings were read as UTF-8 and should not be used)
 * @param key the criteria; several top-level keys form an {@link SearchKey.And}
 */
public record SearchRequest(Set<String> returnOptions, String charset, boolean charsetSupported, SearchKey key) {
    private static final Set<String> RETURN_OPTIONS = Set.of("MIN", "MAX", "ALL", "COUNT", "SAVE");

    /** Parses everything after the command name. */
    public static SearchRequest parse(Args args) throws ParseException {
        Set<String> ret = null;
        if (args.accept("RETURN")) {
            ret = new LinkedHashSet<>();
            Args opts = args.list();
            while (opts.hasNext()) {
                String o = opts.keyword();
                if (!RETURN_OPTIONS.contains(o)) throw new ParseException("Unknown RETURN option");
                ret.add(o);
            }
            ret = Set.copyOf(ret);
        }
        String charsetName = null;
        Charset charset = StandardCharsets.UTF_8;
        boolean supported = true;
        if (args.accept("CHARSET")) {
            charsetName = args.astring();
            try {
                charset = Charset.forName(charsetName);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                supported = false;
            }
        }
        List<SearchKey> keys = new ArrayList<>();
        Parser p = new Parser(args, charset);
        do {
            keys.add(p.key(0));
        } while (args.hasNext());
        SearchKey key = keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
        return new SearchRequest(ret, charsetName, supported, key);
    }

    /** Recursive descent over the keys; depth is bounded against stack exhaustion. */
    private record Parser(Args args, Charset charset) {
        private static final int MAX_DEPTH = 100;

        SearchKey key(int depth) throws ParseException {
            if (depth > MAX_DEPTH) throw new ParseException("Search criteria nested too deeply");
            Token t = args.peek();
            if (t == null) throw new ParseException("Missing search key");
            if (t instanceof Token.Parenthesized) {
                Args group = args.list();
                if (!group.hasNext()) throw new ParseException("Empty search group");
                List<SearchKey> keys = new ArrayList<>();
                Parser inner = new Parser(group, charset);
                while (group.hasNext()) keys.add(inner.key(depth + 1));
                return keys.size() == 1 ? keys.get(0) : new SearchKey.And(keys);
            }
            String word = Args.wordOf(t);
            if (word == null) throw new ParseException("Invalid search key");
            if (!word.isEmpty() && (Character.isDigit(word.charAt(0)) || word.charAt(0) == '*' || word.equals("$"))) {
                return new SearchKey.Sequence(args.sequenceSet());
            }
            args.next();
            return switch (word.toUpperCase(Locale.ROOT)) {
                case "ALL" -> new SearchKey.All();
                case "ANSWERED" -> flag(Flags.ANSWERED);
                case "DELETED" -> flag(Flags.DELETED);
                case "DRAFT" -> flag(Flags.DRAFT);
                case "FLAGGED" -> flag(Flags.FLAGGED);
                case "RECENT" -> flag(Flags.RECENT);
                case "SEEN" -> flag(Flags.SEEN);
                case "UNANSWERED" -> not(flag(Flags.ANSWERED));
                case "UNDELETED" -> not(flag(Flags.DELETED));
                case "UNDRAFT" -> not(flag(Flags.DRAFT));
                case "UNFLAGGED" -> not(flag(Flags.FLAGGED));
                case "UNSEEN" -> not(flag(Flags.SEEN));
                case "NEW" -> new SearchKey.And(List.of(flag(Flags.RECENT), not(flag(Flags.SEEN))));
                case "OLD" -> not(flag(Flags.RECENT));
                case "KEYWORD" -> flag(Flags.keyword(args.next()));
                case "UNKEYWORD" -> not(flag(Flags.keyword(args.next())));
                case "BCC" -> new SearchKey.Addresses("Bcc", string());
                case "CC" -> new SearchKey.Addresses("Cc", string());
                case "FROM" -> new SearchKey.Addresses("From", string());
                case "SUBJECT" -> new SearchKey.Header("Subject", string());
                case "TO" -> new SearchKey.Addresses("To", string());
                case "HEADER" -> new SearchKey.Header(args.astring(), string());
                case "BODY" -> new SearchKey.Body(string());
                case "TEXT" -> new SearchKey.Text(string());
                case "BEFORE" -> date(false, SearchKey.DateOp.BEFORE);
                case "ON" -> date(false, SearchKey.DateOp.ON);
                case "SINCE" -> date(false, SearchKey.DateOp.SINCE);
                case "SENTBEFORE" -> date(true, SearchKey.DateOp.BEFORE);
                case "SENTON" -> date(true, SearchKey.DateOp.ON);
                case "SENTSINCE" -> date(true, SearchKey.DateOp.SINCE);
                case "LARGER" -> new SearchKey.Size(true, args.number());
                case "SMALLER" -> new SearchKey.Size(false, args.number());
                case "UID" -> new SearchKey.Uid(args.sequenceSet());
                case "NOT" -> not(key(depth + 1));
                case "OR" -> {
                    SearchKey left = key(depth + 1);
                    yield new SearchKey.Or(left, key(depth + 1));
                }
                case "MODSEQ" -> modSeq();
                default -> throw new ParseException("Unknown search key");
            };
        }

        private SearchKey modSeq() throws ParseException {
            Token t = args.peek();
            if (t instanceof Token.Quoted || t instanceof Token.Literal) {
                String entry = args.astring();
                if (!entry.toLowerCase(Locale.ROOT).startsWith("/flags/")) throw new ParseException("Invalid MODSEQ entry");
                String type = args.keyword().toLowerCase(Locale.ROOT);
                if (!Set.of("priv", "shared", "all").contains(type)) throw new ParseException("Invalid MODSEQ entry type");
                return new SearchKey.ModSeq(args.modSequence(), entry, type);
            }
            return new SearchKey.ModSeq(args.modSequence(), null, null);
        }

        private String string() throws ParseException {
            return args.astring(charset);
        }

        private SearchKey date(boolean sent, SearchKey.DateOp op) throws ParseException {
            Token t = args.next();
            String text = t instanceof Token.Quoted q ? q.text() : Args.wordOf(t);
            if (text == null) throw new ParseException("Invalid date");
            return new SearchKey.DateKey(sent, op, ImapDates.parseDate(text));
        }

        private static SearchKey flag(String f) {
            return new SearchKey.HasFlag(f);
        }

        private static SearchKey not(SearchKey k) {
            return new SearchKey.Not(k);
        }
    }
}
