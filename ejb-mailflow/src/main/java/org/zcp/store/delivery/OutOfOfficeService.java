package org.zcp.store.delivery;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.Mailboxes;
import org.zcp.store.api.Mailboxes.MailStore;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.config.ServerSettings;

/**
 * The autoresponder's state (manual 4.5): a store's out-of-office settings (properties of the
 * store, set by clients or zarafa-set-oof) and when it last answered each address.
 */
@Stateless
public class OutOfOfficeService {
    @Inject
    Mailboxes mailboxes;

    @Inject
    ServerSettings settings;

    /** Out-of-office of one store; {@code from}/{@code until} 0 when not limited. */
    public record Settings(long storeId, boolean enabled, String subject, String message, long from, long until) {
        public boolean activeAt(long now) {
            return enabled && (from == 0 || now >= from) && (until == 0 || now < until);
        }
    }

    public Settings settings(long userId) {
        MailStore store = mailboxes.privateStore(userId).orElse(null);
        if (store == null) return new Settings(0, false, "", "", 0, 0);
        Map<Integer, PropValue> p = mailboxes.outOfOffice(store);
        return new Settings(store.id(), bool(p.get(PropTag.PR_EC_OUTOFOFFICE)), string(p.get(PropTag.PR_EC_OUTOFOFFICE_SUBJECT)),
                string(p.get(PropTag.PR_EC_OUTOFOFFICE_MSG)), time(p.get(PropTag.PR_EC_OUTOFOFFICE_FROM)),
                time(p.get(PropTag.PR_EC_OUTOFOFFICE_UNTIL)));
    }

    /** The server-wide /etc/zarafa/autorespond (beside server.cfg). */
    public Autorespond autorespond() {
        var dir = settings.configDirectory();
        return Autorespond.load(dir == null ? null : dir.resolve("autorespond"));
    }

    /**
     * Whether the store may answer {@code address} now: not within {@code limitSeconds} of the last
     * answer. A yes is recorded at once, so a second message from the same sender gets no reply.
     */
    public boolean claim(long storeId, String address, long now, long limitSeconds) {
        return mailboxes.claimReply(storeId, address, now, limitSeconds);
    }

    private static boolean bool(PropValue v) {
        return v != null && (Boolean.TRUE.equals(v.b) || v.l != null && v.l != 0);
    }

    private static String string(PropValue v) {
        return v == null || v.s == null ? "" : v.s;
    }

    private static long time(PropValue v) {
        return v == null || v.l == null ? 0 : v.l;
    }
}
