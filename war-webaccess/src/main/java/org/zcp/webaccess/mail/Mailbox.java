package org.zcp.webaccess.mail;

import org.zcp.webaccess.Props;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.StoreInfo;

/**
 * A user's store as the web client names its parts: the IPM subtree and the special folders by
 * the root's and the Inbox's entry ids ([MS-OXOSFLD] 2.2), the Junk folder as the fifth of
 * PR_ADDITIONAL_REN_ENTRYIDS. Kept per web session ({@link #of(MapiObjects, org.zcp.webaccess.session.WebSession)}):
 * four store reads once per logon, not per request.
 */
public record Mailbox(StoreInfo store, Map<String, String> specialById) {

    /** The session's mailbox, read once per web session (the special folders' entry ids do not change). */
    public static Mailbox of(MapiObjects mapi, org.zcp.webaccess.session.WebSession ws) {
        return ws.kept("mailbox", Mailbox.class, () -> of(mapi, ws.storeSession()));
    }

    static Mailbox of(MapiObjects mapi, String session) {
        StoreInfo store = mapi.store(session);
        Map<String, String> special = new HashMap<>();
        if (store.inboxId != null) special.put(store.inboxId.toUpperCase(), "inbox");
        List<Integer> rootTags = List.of(PropTag.PR_IPM_OUTBOX_ENTRYID, PropTag.PR_IPM_SENTMAIL_ENTRYID,
                PropTag.PR_IPM_WASTEBASKET_ENTRYID);
        List<String> rootNames = List.of("outbox", "sent", "trash");
        List<PropValue> root = mapi.props(session, store.rootId, rootTags);
        for (int i = 0; i < rootTags.size(); i++) put(special, Props.hex(root, rootTags.get(i)), rootNames.get(i));
        List<Integer> inboxTags = List.of(PropTag.PR_IPM_DRAFTS_ENTRYID, PropTag.PR_IPM_APPOINTMENT_ENTRYID,
                PropTag.PR_IPM_CONTACT_ENTRYID, PropTag.PR_IPM_TASK_ENTRYID, PropTag.PR_IPM_NOTE_ENTRYID,
                PropTag.PR_IPM_JOURNAL_ENTRYID, PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        List<String> inboxNames = List.of("drafts", "calendar", "contacts", "tasks", "notes", "journal");
        String from = store.inboxId != null ? store.inboxId : store.rootId;
        List<PropValue> inbox = mapi.props(session, from, inboxTags);
        List<PropValue> rootToo = mapi.props(session, store.rootId, inboxTags);
        for (int i = 0; i < inboxNames.size(); i++) {
            String id = Props.hex(inbox, inboxTags.get(i));
            put(special, id != null ? id : Props.hex(rootToo, inboxTags.get(i)), inboxNames.get(i));
        }
        PropValue ren = Props.get(inbox, PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        if (ren == null) ren = Props.get(rootToo, PropTag.PR_ADDITIONAL_REN_ENTRYIDS);
        if (ren != null && ren.mvbin != null && ren.mvbin.size() > 4) put(special, Props.hex(ren.mvbin.get(4)), "junk");
        return new Mailbox(store, special);
    }

    private static void put(Map<String, String> m, String id, String name) {
        if (id != null && !id.isEmpty()) m.putIfAbsent(id, name);
    }

    /** The entry id of a special folder, or null. */
    public String special(String name) {
        for (var e : specialById.entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return null;
    }
}
