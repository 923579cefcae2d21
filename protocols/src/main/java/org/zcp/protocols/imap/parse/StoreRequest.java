package org.zcp.protocols.imap.parse;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * STORE / UID STORE (RFC 3501 section 6.4.6) with the UNCHANGEDSINCE modifier of RFC 7162:
 * {@code 2:4 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\Deleted)}.
 *
 * @param set the messages
 * @param unchangedSince the UNCHANGEDSINCE mod-sequence, or -1 when absent
 * @param mode replace, add or remove
 * @param silent {@code .SILENT}: no untagged FETCH with the new flags
 * @param flags the flags, system flags in canonical spelling; may be empty
 */
public record StoreRequest(SequenceSet set, long unchangedSince, Mode mode, boolean silent, Set<String> flags) {
    public StoreRequest {
        flags = Set.copyOf(flags);
    }

    public enum Mode {
        /** {@code FLAGS}. */
        REPLACE,
        /** {@code +FLAGS}. */
        ADD,
        /** {@code -FLAGS}. */
        REMOVE
    }

    /** Parses everything after the command name. */
    public static StoreRequest parse(Args args) throws ParseException {
        SequenceSet set = args.sequenceSet();
        long unchangedSince = -1;
        if (args.nextIsList()) {
            Args mods = args.list();
            while (mods.hasNext()) {
                String mod = mods.keyword();
                if (!mod.equals("UNCHANGEDSINCE") || unchangedSince >= 0) {
                    throw new ParseException("Unknown or repeated store modifier");
                }
                unchangedSince = mods.modSequence();
            }
        }
        String item = args.keyword();
        Mode mode = switch (item.isEmpty() ? ' ' : item.charAt(0)) {
            case '+' -> Mode.ADD;
            case '-' -> Mode.REMOVE;
            default -> Mode.REPLACE;
        };
        String rest = mode == Mode.REPLACE ? item : item.substring(1);
        boolean silent = rest.equals("FLAGS.SILENT");
        if (!silent && !rest.equals("FLAGS")) throw new ParseException("Invalid store item");
        Set<String> flags = new LinkedHashSet<>();
        if (args.nextIsList()) {
            flags.addAll(Flags.list(args.next()));
        } else {
            do {
                flags.add(Flags.flag(args.next()));
            } while (args.hasNext());
        }
        args.end();
        return new StoreRequest(set, unchangedSince, mode, silent, flags);
    }

    @Override
    public String toString() {
        return set + (unchangedSince >= 0 ? " (UNCHANGEDSINCE " + unchangedSince + ")" : "") + " "
                + (mode == Mode.ADD ? "+" : mode == Mode.REMOVE ? "-" : "") + "FLAGS" + (silent ? ".SILENT" : "")
                + " " + flags.toString().toUpperCase(Locale.ROOT);
    }
}
