package org.zcp.tools.admin;

import java.util.ArrayList;
import java.util.List;
import org.zcp.api.soap.UserDetails;

/** --qo/--qw/--qs/--qh of a user (manual 6.2.5): MB on the command line, bytes on the wire. */
record Quota(Boolean override, Long warn, Long soft, Long hard) {

    static Quota of(AdminOptions o) throws AdminException {
        return new Quota(Values.yesNo("--qo", o.quotaOverride), Values.megabytes("--qw", o.quotaWarn),
                Values.megabytes("--qs", o.quotaSoft), Values.megabytes("--qh", o.quotaHard));
    }

    boolean any() {
        return override != null || warn != null || soft != null || hard != null;
    }

    boolean complete() {
        return warn != null && soft != null && hard != null;
    }

    String missing() {
        List<String> m = new ArrayList<>();
        if (warn == null) {
            m.add("warning level (--qw)");
        }
        if (soft == null) {
            m.add("soft level (--qs)");
        }
        if (hard == null) {
            m.add("hard level (--qh)");
        }
        return String.join(", ", m);
    }

    void applyTo(UserDetails u) {
        u.quotaOverride = override;
        u.quotaWarn = warn;
        u.quotaSoft = soft;
        u.quotaHard = hard;
    }
}
