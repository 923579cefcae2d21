package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.entity.StoreEntity;

/**
 * Who a message is from (manual 8.3.5). The user named in PR_SENT_REPRESENTING (else the owner
 * of the store the message is in) is the From; when that is not the submitter, the submitter needs
 * an explicit grant of that user:
 * <ul>
 * <li>send on behalf: the user lists the submitter as a delegate, in PR_SCHDINFO_DELEGATE_NAMES of
 * the LocalFreebusy message of their store (where Outlook and WebAccess keep a user's delegates),
 * by login name or e-mail address. From is the user, Sender the submitter.</li>
 * <li>send as: {@code zarafa-admin -u user --add-sendas submitter}. From is the user alone.</li>
 * </ul>
 * When both are granted, "on behalf of" wins, as the note of 8.3.5 says. Folder rights are no
 * grant (security review #26: edit rights on a shared Contacts folder made a delegate). Nobody
 * sends without an Internet address of their own (review #17): From never comes from what the
 * client stored.
 */
@Stateless
public class SendAs {

    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    LocalFreebusy localFreebusy;

    /** From, Sender (null unless on behalf), or why the submitter may not send it. */
    public record Decision(DirEntry from, DirEntry sender, String refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    public Decision decide(DirEntry submitter, StoreEntity store, Message m) {
        String representing = PropValues.string(m.props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS);
        Optional<DirEntry> target;
        if (representing != null && !representing.isBlank()
                && !representing.trim().equalsIgnoreCase(String.valueOf(submitter.email()).trim())) {
            target = directory.findUserByAddress(representing.trim());
            if (target.isEmpty()) {
                return refused("You are not allowed to send as " + representing + ": it is not a user of this server");
            }
        } else if (representing == null || representing.isBlank()) {
            target = store.type != StoreEntity.PUBLIC && store.userId != 0 ? directory.get(store.userId)
                    : Optional.of(submitter);
        } else {
            target = Optional.of(submitter);
        }
        DirEntry user = target.orElse(submitter);
        if (!hasAddress(submitter)) {
            return refused("You cannot send mail: your account " + directory.loginName(submitter)
                    + " has no e-mail address");
        }
        if (user.id() == submitter.id()) return new Decision(submitter, null, null);
        if (!hasAddress(user)) {
            return refused("You cannot send for " + directory.loginName(user) + ": that user has no e-mail address");
        }
        if (isDelegate(submitter, user)) return new Decision(user, submitter, null);
        if (directory.related(user.id(), ObjectRelation.SEND_AS).contains(submitter.id())) {
            return new Decision(user, null, null);
        }
        return refused("You are not allowed to send as " + directory.loginName(user)
                + " (no send-as right, not a delegate)");
    }

    private static Decision refused(String why) {
        return new Decision(null, null, why);
    }

    /** A valid Internet address of the user's own (directory), else no mail can carry the user as From. */
    static boolean hasAddress(DirEntry u) {
        String a = u.email();
        if (a == null || a.isBlank() || !a.contains("@")) return false;
        try {
            new InternetAddress(a.trim(), true).validate();
            return true;
        } catch (AddressException e) {
            return false;
        }
    }

    /** Whether {@code user} lists {@code submitter} among the delegates of their LocalFreebusy message. */
    boolean isDelegate(DirEntry submitter, DirEntry user) {
        List<String> names = delegateNames(user);
        if (names.isEmpty()) return false;
        List<String> own = new ArrayList<>();
        own.add(directory.loginName(submitter).toLowerCase(Locale.ROOT));
        own.add(submitter.email().trim().toLowerCase(Locale.ROOT));
        for (String n : names) {
            if (n != null && own.contains(n.trim().toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    /** PR_SCHDINFO_DELEGATE_NAMES of the user's LocalFreebusy message. */
    List<String> delegateNames(DirEntry user) {
        StoreEntity store = stores.privateStoreOf(user.id()).orElse(null);
        if (store == null) return List.of();
        return localFreebusy.delegates(store);
    }
}
