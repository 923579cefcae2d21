package org.zcp.tools.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.zcp.tools.soap.Terminal;

/** Checks and converts option values; a wrong value is one error line naming the option. */
final class Values {
    static final long MB = 1024L * 1024;
    /** The per-user features zarafa-admin can switch (manual 8.7). */
    static final List<String> FEATURES = List.of("imap", "pop3");

    private Values() {
    }

    /** y/yes/1/true or n/no/0/false; null when the option was not given. */
    static Boolean yesNo(String option, String value) throws AdminException {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "y", "yes", "1", "true" -> Boolean.TRUE;
            case "n", "no", "0", "false" -> Boolean.FALSE;
            default -> throw new AdminException("Invalid value for " + option + ": '" + value + "' (expected y or n).");
        };
    }

    /** -a: 0/n none, 1/y company administrator, 2 system administrator (manual 6.2.6, 8.3.1). */
    static Integer adminLevel(String value) throws AdminException {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "0", "n", "no" -> 0;
            case "1", "y", "yes" -> 1;
            case "2" -> 2;
            default -> throw new AdminException("Invalid value for -a: '" + value + "' (expected 0, 1, 2, y or n).");
        };
    }

    /** Quota levels are given in MB and travel in bytes. */
    static Long megabytes(String option, Long mb) throws AdminException {
        if (mb == null) {
            return null;
        }
        if (mb < 0 || mb > Long.MAX_VALUE / MB) {
            throw new AdminException("Invalid value for " + option + ": '" + mb + "' (expected a size in MB).");
        }
        return mb * MB;
    }

    static String feature(String option, String value) throws AdminException {
        if (value == null) {
            return null;
        }
        String f = value.strip().toLowerCase(Locale.ROOT);
        if (!FEATURES.contains(f)) {
            throw new AdminException("Invalid value for " + option + ": '" + value + "' is not a valid feature "
                    + "(imap or pop3).");
        }
        return f;
    }

    /** A list from the server; SOAP may deliver an empty list as none at all. */
    static <T> List<T> list(List<T> fromServer) {
        return fromServer == null ? List.of() : fromServer;
    }

    /** -p, or -P: typed twice without echo (manual 8.3.1); null when neither was given. */
    static String password(AdminOptions o, AdminContext ctx) throws AdminException {
        if (o.password != null || !o.promptPassword) {
            return o.password;
        }
        Terminal t = ctx.terminal().get();
        if (t == null) {
            throw new AdminException("Cannot ask for a password without a terminal; use -p instead of -P.");
        }
        char[] first = t.readPassword("Type password: ");
        char[] second = t.readPassword("Retype password: ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            throw new AdminException("Passwords don't match.");
        }
        if (first.length == 0) {
            throw new AdminException("Password cannot be empty.");
        }
        return new String(first);
    }
}
