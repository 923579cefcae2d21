package org.zcp.caldav.fake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zcp.store.api.AddressBook;
import org.zcp.store.api.WebLogons.Who;

/**
 * The global address book over the fake users ({@link FakeWebLogons}), one company: every user
 * not {@link #hide hidden} (id "u-&lt;login&gt;"), then the groups a test adds (id
 * "g-&lt;name&gt;"), each in name order.
 */
public final class FakeAddressBook implements AddressBook {
    private final FakeWebLogons logons;
    private final Set<String> hidden = new HashSet<>();
    private final List<Entry> groups = new ArrayList<>();

    public FakeAddressBook(FakeWebLogons logons) {
        this.logons = logons;
    }

    /** Hides a user from the address book (as the directory's hidden flag does). */
    public FakeAddressBook hide(String login) {
        hidden.add(login);
        return this;
    }

    /** Adds a group (name a path-safe word). */
    public FakeAddressBook group(String name, String fullName, String email) {
        groups.add(new Entry("g-" + name, Kind.GROUP, name, fullName, email, ""));
        groups.sort(java.util.Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        return this;
    }

    @Override
    public List<Entry> gal(String session) {
        logons.check(session);
        List<Entry> out = new ArrayList<>();
        for (Who u : logons.users()) {
            if (hidden.contains(u.loginName())) continue;
            out.add(new Entry("u-" + u.loginName(), Kind.USER, u.loginName(), u.fullName(),
                    u.email() == null ? "" : u.email(), ""));
        }
        out.addAll(groups);
        return out;
    }
}
