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
        if (modSeq) s.condstore = true;
        SelectedMailbox mb = s.selected;
        SearchEvaluator evaluator = new SearchEvaluator(s, mb, r.key());
        List<Long> hits = new ArrayList<>();
        long highest = 0;
        for (int seq = 1; seq <= mb.exists(); seq++) {
            SelectedMailbox.Message m = mb.get(seq);
            if (m.expunged || !evaluator.matches(r.key(), seq, m)) continue;
            hits.add(uid ? m.uid : seq);
            highest = Math.max(highest, m.modSeq);
        }
        if (r.returnOptions() != null) {
            s.untagged(esearch(c.tag(), uid, r.returnOptions(), hits, modSeq ? highest : 0));
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
     * ()} means ALL); nothing but the tag when there are no hits, except COUNT 0.
     */
    static String esearch(String tag, boolean uid, java.util.Set<String> options, List<Long> hits, long modSeq) {
        java.util.Set<String> ask = options.isEmpty() ? java.util.Set.of("ALL") : options;
        StringBuilder b = new StringBuilder("ESEARCH (TAG ").append(org.zcp.protocols.imap.mime.ImapStrings.quoted(tag)).append(')');
        if (uid) b.append(" UID");
        if (!hits.isEmpty()) {
            if (ask.contains("MIN")) b.append(" MIN ").append(hits.get(0));
            if (ask.contains("MAX")) b.append(" MAX ").append(hits.get(hits.size() - 1));
        }
        if (ask.contains("COUNT")) b.append(" COUNT ").append(hits.size());
        if (!hits.isEmpty() && ask.contains("ALL")) b.append(" ALL ").append(SelectedMailbox.uidSet(hits));
        if (!hits.isEmpty() && modSeq > 0) b.append(" MODSEQ ").append(modSeq);
        return b.toString();
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
