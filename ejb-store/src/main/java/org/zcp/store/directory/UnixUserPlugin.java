package org.zcp.store.directory;

import jakarta.inject.Inject;
import java.util.Set;
import org.zcp.store.directory.unix.UnixService;

/**
 * The unix user plugin (manual 4.4.2, 8.4): users and groups of /etc/passwd and /etc/group within
 * unix.cfg's ranges. Unix owns names, full names, the active/non-active kind (the login shell)
 * and group membership; the address (NAME@default_domain until changed), admin level, quota,
 * features and send-as are the server's, set with zarafa-admin (8.4.3).
 */
@jakarta.ejb.Stateless
@jakarta.ejb.LocalBean
public class UnixUserPlugin extends ExternalUserPlugin {
    static final Set<String> OWNED = Set.of(Attr.NAME, Attr.PASSWORD, Attr.FULLNAME, Attr.SOURCE_DN, Attr.MODIFIED);

    @Inject
    UnixService unix;

    @Override
    public String name() {
        return "unix";
    }

    @Override
    public Set<String> ownedAttributes() {
        return OWNED;
    }

    @Override
    protected ExternalDirectory dir() {
        return unix.directory();
    }

    @Override
    protected String label() {
        return "unix";
    }

    @Override
    protected ExternalUserPlugin self() {
        return context.getBusinessObject(UnixUserPlugin.class);
    }
}
