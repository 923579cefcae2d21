package org.zcp.caldav.resource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.zcp.caldav.dav.Names;
import org.zcp.caldav.dav.PropValue;
import org.zcp.ical.DirectoryCard;
import org.zcp.store.api.AddressBook.Entry;

/**
 * One request's view of the global address book (store-api AddressBook, read once): a vCard per
 * entry, named "&lt;id&gt;.vcf", rendered by {@link DirectoryCard} when first asked. The store
 * keeps no change numbers for the directory, so everything is derived from the content: a
 * member's ETag is a hash of its vCard texts (3.0 and 4.0), the collection's ctag a hash of the
 * entries ({@link #ctag}), its sync token that ctag as a URI.
 */
public final class GalBook {
    /** The content type of the members. */
    public static final String CONTENT_TYPE = "text/vcard; charset=utf-8";
    private static final String TOKEN_PREFIX = "http://zcp.org/ns/sync/gal/";

    private final Map<String, Card> cards = new LinkedHashMap<>();
    private String ctag;

    private GalBook(List<Entry> entries) {
        for (Entry e : entries) cards.putIfAbsent(e.id() + ".vcf", new Card(e.id() + ".vcf", e));
    }

    /** The global address book of the logged-on user's session. */
    public static GalBook read(Context ctx) {
        return new GalBook(ctx.store().addressBook().gal(ctx.session()));
    }

    /** Every member, in the address book's order. */
    public List<Card> cards() {
        return new ArrayList<>(cards.values());
    }

    /** The member of a name, or null. */
    public Card card(String name) {
        return cards.get(name);
    }

    /**
     * The collection's getctag: changes when any member is added, removed or changed. Hashed from
     * the entries rather than their vCards (clients ask for it at every poll, and a large directory
     * would be rendered whole each time), with the vCards of one made-up entry of each kind: what
     * a new rendering of the same entries changes changes it too.
     */
    public String ctag() {
        if (ctag == null) {
            StringBuilder all = new StringBuilder();
            for (Card c : cards.values()) {
                Entry e = c.entry;
                for (Object f : new Object[] {c.name(), e.id(), e.kind(), e.name(), e.fullName(), e.email(), e.company()}) {
                    all.append(f).append('\0');
                }
                all.append('\n');
            }
            for (var k : org.zcp.store.api.AddressBook.Kind.values()) {
                Card probe = new Card("probe", new Entry("probe", k, "probe", "Pro Be", "probe@example.com", "Co"));
                all.append(probe.text("3.0")).append(probe.text("4.0"));
            }
            ctag = hash(all.toString());
        }
        return ctag;
    }

    /** The collection's sync token (RFC 6578 3.2: a URI), of its content as it is now. */
    public String syncToken() {
        return TOKEN_PREFIX + ctag();
    }

    /** One entry as a member of the collection. */
    public static final class Card {
        private final String name;
        private final Entry entry;
        private final Map<String, String> texts = new LinkedHashMap<>();

        Card(String name, Entry entry) {
            this.name = name;
            this.entry = entry;
        }

        public String name() {
            return name;
        }

        /** The vCard ({@code version} "3.0" unless "4.0" is asked). */
        public String text(String version) {
            String v = "4.0".equals(version) ? "4.0" : "3.0";
            return texts.computeIfAbsent(v, x -> DirectoryCard.render("zcp-gal-" + entry.id(), kind(entry.kind()),
                    entry.name(), entry.fullName(), entry.email(), entry.company(), x));
        }

        /** The strong ETag (quoted): a hash of both renderings, so a change either shows changes it. */
        public String etag() {
            return "\"" + hash(text("3.0") + text("4.0")) + "\"";
        }

        /**
         * The member's properties, as {@link Items#props} gives an item's: address-data and
         * getcontentlength in the version asked.
         */
        public Map<QName, PropValue> props(String version) {
            Map<QName, PropValue> p = new LinkedHashMap<>();
            p.put(Names.RESOURCETYPE, e -> { });
            p.put(Names.GETETAG, e -> e.setTextContent(etag()));
            p.put(Names.GETCONTENTTYPE, PropValue.text(CONTENT_TYPE));
            p.put(Names.GETCONTENTLENGTH, e -> e.setTextContent(Integer.toString(
                    text(version).getBytes(StandardCharsets.UTF_8).length)));
            p.put(Names.ADDRESS_DATA, e -> e.setTextContent(text(version)));
            return p;
        }
    }

    private static DirectoryCard.Kind kind(org.zcp.store.api.AddressBook.Kind k) {
        return switch (k) {
            case USER -> DirectoryCard.Kind.INDIVIDUAL;
            case ROOM -> DirectoryCard.Kind.LOCATION;
            case EQUIPMENT -> DirectoryCard.Kind.DEVICE;
            case GROUP -> DirectoryCard.Kind.GROUP;
        };
    }

    /** The first 64 bits of the text's SHA-256, in hex. */
    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256", e);
        }
    }
}
