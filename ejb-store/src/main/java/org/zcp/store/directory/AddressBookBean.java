package org.zcp.store.directory;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.AddressBook;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The global address book of a session (store-api {@link AddressBook}): the directory's users and
 * groups of every company the session may see (its own; in hosted mode also those on its view
 * list), without hidden entries, SYSTEM and Everyone.
 */
@Stateless
public class AddressBookBean implements AddressBook {
    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Inject
    ServerSettings settings;

    @Override
    public List<Entry> gal(String session) {
        Session s = sessions.require(session);
        List<Long> companies = new ArrayList<>();
        if (!settings.hosted()) {
            companies.add(-1L); // one company: everybody
        } else {
            for (DirEntry c : directory.companies()) {
                if (c.id() == s.companyId() || directory.canSeeCompany(s, c.id())) companies.add(c.id());
            }
        }
        List<Entry> users = new ArrayList<>();
        List<Entry> groups = new ArrayList<>();
        for (long company : companies) {
            String companyName = company < 0 ? "" : directory.companyName(company);
            for (DirEntry u : directory.users(company)) {
                if (u.hidden() || !u.isUser() || u.objectClass() == ObjectClass.NONACTIVE_CONTACT) continue;
                users.add(new Entry("u" + u.id(), kind(u.objectClass()), directory.loginName(u), u.fullName(),
                        u.email() == null ? "" : u.email(), companyName));
            }
            for (DirEntry g : directory.groups(company)) {
                if (g.hidden() || g.id() == Directory.EVERYONE_ID) continue;
                groups.add(new Entry("g" + g.id(), Kind.GROUP, g.name(), g.fullName(),
                        g.email() == null ? "" : g.email(), companyName));
            }
        }
        users.sort(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        groups.sort(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        users.addAll(groups);
        return users;
    }

    private static Kind kind(ObjectClass c) {
        return switch (c) {
            case NONACTIVE_ROOM -> Kind.ROOM;
            case NONACTIVE_EQUIPMENT -> Kind.EQUIPMENT;
            default -> Kind.USER;
        };
    }
}
