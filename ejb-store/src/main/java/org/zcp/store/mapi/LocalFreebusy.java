package org.zcp.store.mapi;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;

/**
 * The LocalFreebusy message of a private store (the associated IPM.Microsoft.ScheduleData.FreeBusy
 * message in "Freebusy Data", PR_FREEBUSY_ENTRYIDS[1] of the store root): where Outlook, WebAccess
 * and zarafa-admin keep a user's delegates (manual 8.3.5) and how the mailbox answers meeting
 * requests by itself (manual 8.8, Outlook's "Resource Scheduling").
 */
@Stateless
public class LocalFreebusy {
    static final String FREEBUSY_CLASS = "IPM.Microsoft.ScheduleData.FreeBusy";
    /** PR_SCHDINFO_AUTO_ACCEPT_APPTS: answer meeting requests automatically ({@code --mr-accept}). */
    public static final int PR_SCHDINFO_AUTO_ACCEPT_APPTS = 0x686D000B;
    /** PR_SCHDINFO_DISALLOW_RECURRING_APPTS: decline recurring meetings ({@code --mr-decline-recurring}). */
    public static final int PR_SCHDINFO_DISALLOW_RECURRING_APPTS = 0x686E000B;
    /** PR_SCHDINFO_DISALLOW_OVERLAPPING_APPTS: decline conflicting meetings ({@code --mr-decline-conflict}). */
    public static final int PR_SCHDINFO_DISALLOW_OVERLAPPING_APPTS = 0x686F000B;

    /** How a mailbox answers meeting requests by itself (manual 8.8). */
    public record AutoAccept(boolean accept, boolean declineConflict, boolean declineRecurring) {
        public static final AutoAccept OFF = new AutoAccept(false, false, false);
    }

    @Inject
    ObjectStore objects;

    /** The store's LocalFreebusy message, when it has one. */
    public Optional<HierarchyObject> of(StoreEntity store) {
        PropValue fb = objects.stored(store.hierarchyId).get(PropTag.PR_FREEBUSY_ENTRYIDS);
        if (fb == null || fb.mvbin == null || fb.mvbin.size() < 2 || fb.mvbin.get(1).length != EntryIds.LENGTH) {
            return Optional.empty();
        }
        EntryIds.Parsed folder = EntryIds.parse(fb.mvbin.get(1));
        if (!folder.storeGuid().equalsIgnoreCase(store.guid)) return Optional.empty();
        for (HierarchyObject h : objects.children(folder.objectId(), ObjectType.MAPI_MESSAGE, false)) {
            if (!h.isAssociated() || h.storeId != store.id) continue;
            PropValue cls = objects.stored(h.id).get(PropTag.PR_MESSAGE_CLASS);
            if (cls != null && FREEBUSY_CLASS.equalsIgnoreCase(cls.s)) return Optional.of(h);
        }
        return Optional.empty();
    }

    /** The properties of the store's LocalFreebusy message (empty when it has none). */
    public Map<Integer, PropValue> props(StoreEntity store) {
        return of(store).map(h -> objects.stored(h.id)).orElse(Map.of());
    }

    public AutoAccept autoAccept(StoreEntity store) {
        Map<Integer, PropValue> p = props(store);
        return new AutoAccept(bool(p.get(PR_SCHDINFO_AUTO_ACCEPT_APPTS)),
                bool(p.get(PR_SCHDINFO_DISALLOW_OVERLAPPING_APPTS)), bool(p.get(PR_SCHDINFO_DISALLOW_RECURRING_APPTS)));
    }

    /**
     * Sets the given settings (null: unchanged), as Outlook's Resource Scheduling dialog does;
     * a store whose LocalFreebusy message is missing (made by an older version) gets one.
     */
    public void setAutoAccept(StoreEntity store, Boolean accept, Boolean declineConflict, Boolean declineRecurring) {
        HierarchyObject h = of(store).orElseGet(() -> create(store));
        List<PropValue> set = new ArrayList<>();
        if (accept != null) set.add(PropValue.ofBool(PR_SCHDINFO_AUTO_ACCEPT_APPTS, accept));
        if (declineConflict != null) set.add(PropValue.ofBool(PR_SCHDINFO_DISALLOW_OVERLAPPING_APPTS, declineConflict));
        if (declineRecurring != null) set.add(PropValue.ofBool(PR_SCHDINFO_DISALLOW_RECURRING_APPTS, declineRecurring));
        if (!set.isEmpty()) objects.setProps(h, set);
    }

    private HierarchyObject create(StoreEntity store) {
        PropValue fb = objects.stored(store.hierarchyId).get(PropTag.PR_FREEBUSY_ENTRYIDS);
        if (fb == null || fb.mvbin == null || fb.mvbin.size() < 2 || fb.mvbin.get(1).length != EntryIds.LENGTH) {
            throw new org.zcp.store.StoreException(org.zcp.api.mapi.MapiError.MAPI_E_NOT_FOUND,
                    "the store has no Freebusy Data folder");
        }
        long folder = EntryIds.parse(fb.mvbin.get(1)).objectId();
        HierarchyObject h = objects.create(store.id, folder, ObjectType.MAPI_MESSAGE, store.userId);
        h.flags |= HierarchyObject.FLAG_ASSOCIATED;
        objects.setProps(h, List.of(PropValue.ofString(PropTag.PR_SUBJECT, "LocalFreebusy"),
                PropValue.ofString(PropTag.PR_MESSAGE_CLASS, FREEBUSY_CLASS)));
        return h;
    }

    private static boolean bool(PropValue v) {
        return v != null && (Boolean.TRUE.equals(v.b) || v.l != null && v.l != 0);
    }
}
