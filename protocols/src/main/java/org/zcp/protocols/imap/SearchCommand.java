package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;
import org.zcp.protocols.imap.parse.SearchKey;
import org.zcp.protocols.imap.parse.SearchRequest;

/**
 * SEARCH and UID SEARCH (RFC 3501 section 6.4.4): the criteria are evaluated here by
 * {@link SearchEvaluator}, message text loaded only for keys that need it. With a MODSEQ key the
 * response ends with the highest MODSEQ of the matches (RFC 7162 section 3.1.5).
 */
final class SearchCommand {
    private SearchCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        boolean uid = s.uidCommand();
        SearchRequest r = SearchRequest.parse(c.cursor());
        if (r.returnOptions() != null && r.returnOptions().contains("SAVE")) {
            throw new ParseException("SEARCHRES (RETURN SAVE) is not supported");
        }
        if (!r.charsetSupported()) {
            s.no(c.tag(), "BADCHARSET (UTF-8 US-ASCII)", "Unsupported charset");
            return;
        }
        boolean modSeq = mentionsModSeq(r.key());
        if (modSeq) s.enableCondstore();
        SelectedMailbox mb = s.selected;
        SearchEvaluator evaluator = new SearchEvaluator(s, mb, r.key());
        List<Long> hits = new ArrayList<>();
        List<Long> modSeqs = new ArrayList<>();
        long highest = 0;
        try {
            for (int seq = 1; seq <= mb.exists(); seq++) {
                SelectedMailbox.Message m = mb.get(seq);
                if (m.expunged || !evaluator.matches(r.key(), seq, m)) continue;
                hits.add(uid ? m.uid : seq);
                modSeqs.add(m.modSeq);
                highest = Math.max(highest, m.modSeq);
            }
        } finally {
            evaluator.finish();
        }
        if (r.returnOptions() != null) {
            s.untagged(esearch(c.tag(), uid, r.returnOptions(), hits, modSeq ? modSeqs : null));
        } else {
            StringBuilder line = new StringBuilder("SEARCH");
            for (long h : hits) line.append(' ').append(h);
            if (modSeq && !hits.isEmpty()) line.append(" (MODSEQ ").append(highest).append(')');
            s.untagged(line.toString());
        }
        s.ok(c.tag(), null, c.name() + " completed");
    }

    /**
     * The ESEARCH response (RFC 4731 section 3.1): MIN, MAX, COUNT and ALL as asked ({@code RETURN
     * ()} means ALL); nothing but the tag when there are no hits, except COUNT 0. With a MODSEQ
     * criterion ({@code modSeqs}: the hits' MODSEQs, else null) it ends with MODSEQ (RFC 4731
     * section 3.2): that of the message returned for MIN alone or MAX alone, the higher of the two
     * for MIN and MAX, else the highest of all hits.
     */
    static String esearch(String tag, boolean uid, java.util.Set<String> options, List<Long> hits, List<Long> modSeqs) {
        java.util.Set<String> ask = options.isEmpty() ? java.util.Set.of("ALL") : options;
        StringBuilder b = new StringBuilder("ESEARCH (TAG ").append(org.zcp.protocols.imap.mime.ImapStrings.quoted(tag)).append(')');
        if (uid) b.append(" UID");
        if (!hits.isEmpty()) {
            if (ask.contains("MIN")) b.append(" MIN ").append(hits.get(0));
            if (ask.contains("MAX")) b.append(" MAX ").append(hits.get(hits.size() - 1));
        }
        if (ask.contains("COUNT")) b.append(" COUNT ").append(hits.size());
        if (!hits.isEmpty() && ask.contains("ALL")) b.append(" ALL ").append(SelectedMailbox.uidSet(hits));
        if (!hits.isEmpty() && modSeqs != null) b.append(" MODSEQ ").append(esearchModSeq(ask, modSeqs));
        return b.toString();
    }

    private static long esearchModSeq(java.util.Set<String> ask, List<Long> modSeqs) {
        long min = modSeqs.get(0);
        long max = modSeqs.get(modSeqs.size() - 1);
        if (!ask.contains("ALL") && !ask.contains("COUNT")) {
            if (ask.equals(java.util.Set.of("MIN"))) return min;
            if (ask.equals(java.util.Set.of("MAX"))) return max;
            if (ask.equals(java.util.Set.of("MIN", "MAX"))) return Math.max(min, max);
        }
        return modSeqs.stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static boolean mentionsModSeq(SearchKey key) {
        return switch (key) {
            case SearchKey.ModSeq m -> true;
            case SearchKey.Not n -> mentionsModSeq(n.key());
            case SearchKey.Or o -> mentionsModSeq(o.left()) || mentionsModSeq(o.right());
            case SearchKey.And a -> a.keys().stream().anyMatch(SearchCommand::mentionsModSeq);
            default -> false;
        };
    }
}
