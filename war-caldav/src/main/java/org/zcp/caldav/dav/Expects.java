package org.zcp.caldav.dav;

import org.zcp.store.api.FolderItems.Expect;

/**
 * If-Match / If-None-Match (RFC 9110 section 13.1) as the store's {@link Expect}. ETags are the
 * item's change number in quotes; a weak or foreign tag can never match (strong comparison).
 */
public final class Expects {
    /** The item's ETag for a change number. */
    public static String etag(long modSeq) {
        return "\"" + modSeq + "\"";
    }

    private Expects() {
    }

    /**
     * The expectation of a write. If-None-Match with a tag (not "*") cannot be expressed as an
     * {@link Expect}: {@link #noneMatch} answers it.
     *
     * @throws DavException 412 when If-Match names no tag this server could have given
     */
    public static Expect of(DavRequest req) {
        String ifMatch = req.header("If-Match");
        String ifNoneMatch = req.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.trim().equals("*")) return Expect.absent();
        if (ifMatch == null) return Expect.any();
        String v = ifMatch.trim();
        if (v.equals("*")) return Expect.present();
        Long seq = parse(v);
        if (seq == null) throw new DavException(412, "If-Match " + v + " names no ETag of this server");
        return Expect.at(seq);
    }

    /** The change number an If-None-Match tag list names (first of them), or null for none or "*". */
    public static Long noneMatch(DavRequest req) {
        String v = req.header("If-None-Match");
        if (v == null || v.trim().equals("*")) return null;
        for (String tag : v.split(",")) {
            Long seq = parse(tag.trim());
            if (seq != null) return seq;
        }
        return null;
    }

    /** Whether an If-None-Match header matches an item at this change number (GET: 304). */
    public static boolean noneMatchHits(DavRequest req, long modSeq) {
        return noneMatchHits(req, etag(modSeq));
    }

    /** Whether an If-None-Match header matches a resource of this ETag (quotes included). */
    public static boolean noneMatchHits(DavRequest req, String etag) {
        String v = req.header("If-None-Match");
        if (v == null) return false;
        for (String tag : v.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) t = t.substring(2); // weak comparison for GET (RFC 9110 13.1.2)
            if (t.equals("*") || t.equals(etag)) return true;
        }
        return false;
    }

    /** The change number of a strong tag {@code "n"}, or null. */
    static Long parse(String tag) {
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') return null;
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
