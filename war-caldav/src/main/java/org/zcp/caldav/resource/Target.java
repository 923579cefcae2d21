package org.zcp.caldav.resource;

/** What a request path addresses (the URL layout of docs/calendar.md, "The server side of HTTP"). */
public sealed interface Target {
    /** /.well-known/caldav, /.well-known/carddav (RFC 6764 section 5): 301 to {@code location}. */
    record WellKnown(String location) implements Target {
    }

    /** /caldav/, /carddav/: where a client finds its current-user-principal. */
    record Root(Tree tree) implements Target {
    }

    /** /caldav/principals/: the principal collection. */
    record Principals() implements Target {
    }

    /** /caldav/principals/&lt;user&gt;/. */
    record Principal(String user) implements Target {
    }

    /** /caldav/&lt;user&gt;/, /carddav/&lt;user&gt;/. */
    record Home(Tree tree, String user) implements Target {
    }

    /** /caldav/&lt;user&gt;/&lt;collection&gt;/. */
    record Collection(Tree tree, String user, String segment) implements Target {
    }

    /** /caldav/&lt;user&gt;/&lt;collection&gt;/&lt;item&gt;. */
    record Item(Tree tree, String user, String segment, String name) implements Target {
        public Collection collection() {
            return new Collection(tree, user, segment);
        }
    }

    /**
     * /caldav/&lt;user&gt;/schedule-outbox/ and /caldav/&lt;user&gt;/schedule-inbox/ (RFC 6638 2.1, 2.2):
     * the scheduling outbox and inbox of a calendar home, for its owner only (another user's are
     * 404, as what a home does not share is). {@code item} is a member's name, or null for the
     * collection itself: the outbox takes free/busy requests by POST, the inbox stays empty (the
     * server schedules meetings itself: incoming ones arrive by mail). Their segments are reserved
     * (any case): no calendar is made or found there.
     */
    record ScheduleBox(String user, Box box, String item) implements Target {
    }

    /** The two scheduling collections of a calendar home, by their URL segment. */
    enum Box {
        OUTBOX("schedule-outbox"), INBOX("schedule-inbox");

        private final String segment;

        Box(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }

        /** The box of a URL segment (any case), or null. */
        public static Box of(String segment) {
            for (Box b : values()) if (b.segment.equalsIgnoreCase(segment)) return b;
            return null;
        }
    }

    /**
     * /carddav/&lt;user&gt;/gal/: the global address book (store-api AddressBook), read-only, in
     * its owner's address-book home only (another user's is 404, as a scheduling box is).
     * {@code item} is a member's name ("&lt;entry id&gt;.vcf"), or null for the collection. Its
     * segment is reserved (any case): no address book is made or found there.
     */
    record Gal(String user, String item) implements Target {
        public static final String SEGMENT = "gal";

        /** Whether a URL segment (any case) is the global address book's. */
        public static boolean is(String segment) {
            return SEGMENT.equalsIgnoreCase(segment);
        }
    }

    /** /ical/&lt;user&gt;/[&lt;calendar&gt;]: the whole-calendar gateway; calendar null for the default one. */
    record Ical(String user, String calendar) implements Target {
    }

    /** Anything else: 404. */
    record Unknown() implements Target {
    }

    /** The user the path names, or null. */
    default String user() {
        return switch (this) {
            case Principal p -> p.user();
            case Home h -> h.user();
            case Collection c -> c.user();
            case Item i -> i.user();
            case ScheduleBox b -> b.user();
            case Gal g -> g.user();
            case Ical i -> i.user();
            default -> null;
        };
    }
}
