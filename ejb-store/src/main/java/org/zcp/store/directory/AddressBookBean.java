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
 * The global address book of a session (store-api {@link AddressBook}) as {@link GalService} finds
 * it, without contacts: what CardDAV's address book and CalDAV's principal search show.
 */
@Stateless
public class AddressBookBean implements AddressBook {
    @Inject
    SessionManager sessions;

    @Inject
    Directory directory;

    @Inject
    ServerSettings settings;

    @Inject
    GalService gal;

    @Override
    public List<Entry> gal(String session) {
        Session s = sessions.require(session);
        List<Entry> out = new ArrayList<>();
        for (DirEntry e : gal.visible(s)) {
            if (e.objectClass() == ObjectClass.NONACTIVE_CONTACT) continue; // no calendar, no principal
            String company = settings.hosted() && e.companyId() > 0 ? directory.companyName(e.companyId()) : "";
            out.add(e.isGroup() ? new Entry("g" + e.id(), Kind.GROUP, e.name(), e.fullName(), e.email(), company)
                    : new Entry("u" + e.id(), kind(e.objectClass()), directory.loginName(e), e.fullName(), e.email(), company));
        }
        return out;
    }

    private static Kind kind(ObjectClass c) {
        return switch (c) {
            case NONACTIVE_ROOM -> Kind.ROOM;
            case NONACTIVE_EQUIPMENT -> Kind.EQUIPMENT;
            default -> Kind.USER;
        };
    }
}
