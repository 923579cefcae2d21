package org.zcp.store.spooler;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValues;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.Access;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.session.Session;

/**
 * Who a message is from (manual 8.3.5). The user named in PR_SENT_REPRESENTING (else the owner
 * of the store the message is in) is the From; when that is not the submitter, the submitter needs
 * either send-as (zarafa-admin --add-sendas: From is the other user alone) or delegate rights,
 * which make it "submitter on behalf of user" (From the user, Sender the submitter): the message
 * lies in the user's store, or the user granted the submitter "create items" on the Inbox.
 */
@Stateless
public class SendAs {
    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    Access access;

    /** From, Sender (null unless on behalf), or why the submitter may not send it. */
    public record Decision(DirEntry from, DirEntry sender, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    public Decision decide(DirEntry submitter, StoreEntity store, Message m) {
        String representing = PropValues.string(m.props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS);
        Optional<DirEntry> target;
        if (representing != null && !representing.isBlank()) {
            if (representing.equalsIgnoreCase(submitter.email())) return new Decision(submitter, null, null);
            target = directory.findUserByAddress(representing);
            if (target.isEmpty()) {
                return new Decision(null, null, "You are not allowed to send as " + representing
                        + ": it is not a user of this server");
            }
        } else if (store.type != StoreEntity.PUBLIC && store.userId != 0) {
            target = directory.get(store.userId);
        } else {
            target = Optional.of(submitter);
        }
        DirEntry user = target.orElse(submitter);
        if (user.id() == submitter.id()) return new Decision(submitter, null, null);
        if (directory.related(user.id(), ObjectRelation.SEND_AS).contains(submitter.id())) {
            return new Decision(user, null, null);
        }
        if (store.userId == user.id() || inboxRights(submitter, user) != 0) {
            return new Decision(user, submitter, null);
        }
        return new Decision(null, null, "You are not allowed to send as " + directory.loginName(user)
                + " (no send-as right, no delegate rights)");
    }

    private int inboxRights(DirEntry submitter, DirEntry user) {
        StoreEntity store = stores.privateStoreOf(user.id()).orElse(null);
        if (store == null) return 0;
        Long inbox = stores.receiveFolder(store.id, "IPM").orElse(null);
        if (inbox == null) return 0;
        Session s = new Session("spooler", submitter.id(), submitter.name(), submitter.companyId(),
                submitter.adminLevel(), "localhost", "zarafa-spooler");
        return access.rights(s, inbox) & Rights.CREATE;
    }
}
