package org.zcp.store.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.directory.DirectoryObjectAdded;
import org.zcp.store.directory.DirectoryObjectRemoved;
import org.zcp.store.directory.UserScripts;
import org.zcp.store.mapi.StoreManager;

/**
 * The creation and deletion events of manual 8.5.1.1 for objects of an external directory (LDAP): a new user
 * gets its store with the default folders (contacts have none), a new company its public store
 * (6.2.2.5), and the createuser/creategroup/createcompany script runs, as zarafa-admin does for
 * the db plugin; a user gone from the directory leaves an orphaned store (8.2) and the delete
 * scripts run. Runs in the transaction that met the object, so the row and its store are made
 * together or not at all.
 */
@ApplicationScoped
public class ExternalObjects {
    @Inject
    StoreManager stores;

    @Inject
    Directory directory;

    @Inject
    UserScripts scripts;

    @Inject
    org.zcp.store.session.SessionManager sessions;

    void added(@Observes DirectoryObjectAdded event) {
        DirEntry e = event.entry();
        if (e.isUser() && e.objectClass() != ObjectClass.NONACTIVE_CONTACT) {
            if (stores.privateStoreOf(e.id()).isEmpty()) stores.createPrivateStore(e);
            scripts.run("createuser_script", "ZARAFA_USER", directory.loginName(e));
        } else if (e.isGroup()) {
            scripts.run("creategroup_script", "ZARAFA_GROUP", e.name());
        } else if (e.isCompany()) {
            if (stores.publicStoreOf(e.id()).isEmpty()) stores.createPublicStore(e.id());
            scripts.run("createcompany_script", "ZARAFA_COMPANY", e.name());
        }
    }

    void removed(@Observes DirectoryObjectRemoved event) {
        DirEntry e = event.entry();
        if (e.isUser() && e.objectClass() != ObjectClass.NONACTIVE_CONTACT) {
            String login = directory.loginName(e);
            // manual 8.2 / 8.5.1: the store is kept as an orphan, named after its last owner
            stores.privateStoreOf(e.id()).ifPresent(st -> {
                st.userName = login;
                stores.orphan(st);
            });
            sessions.revoke(e.id(), any -> true);
            scripts.run("deleteuser_script", "ZARAFA_USER", login);
        } else if (e.isGroup()) {
            scripts.run("deletegroup_script", "ZARAFA_GROUP", e.name());
        } else if (e.isCompany()) {
            scripts.run("deletecompany_script", "ZARAFA_COMPANY", e.name());
        }
    }
}
