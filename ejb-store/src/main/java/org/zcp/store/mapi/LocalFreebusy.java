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
 * message in "Freebusy Data" that PR_FREEBUSY_ENTRYIDS[1] of the store root names): where Outlook, WebAccess
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

    /**
     * The store's LocalFreebusy message, when it has one: PR_FREEBUSY_ENTRYIDS[1] of the store root
     * names it ([MS-OXOSFLD] 2.2.6: null, the delegate information message, the public free/busy
     * message, the Freebusy Data folder); stores made before that layout name the Freebusy Data folder
     * in [1], and the message is looked up in the folder.
     */
    public Optional<HierarchyObject> of(StoreEntity store) {
        for (int index : new int[] {1, 3}) {
            HierarchyObject h = pointer(store, index);
            if (h == null) continue;
            if (h.type == ObjectType.MAPI_MESSAGE && isFreeBusy(h)) return Optional.of(h);
            if (h.type == ObjectType.MAPI_FOLDER) {
                for (HierarchyObject m : objects.children(h.id, ObjectType.MAPI_MESSAGE, false)) {
                    if (m.isAssociated() && m.storeId == store.id && isFreeBusy(m)) return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    /** The store's Freebusy Data folder ([3], or [1] in the older layout), or null. */
    private HierarchyObject folder(StoreEntity store) {
        for (int index : new int[] {3, 1}) {
            HierarchyObject h = pointer(store, index);
            if (h != null && h.type == ObjectType.MAPI_FOLDER) return h;
        }
        return null;
    }

    /** The live object of this store that PR_FREEBUSY_ENTRYIDS[index] names, or null. */
    private HierarchyObject pointer(StoreEntity store, int index) {
        List<byte[]> ids = entryIds(store);
        if (ids.size() <= index || ids.get(index).length != EntryIds.LENGTH) return null;
        EntryIds.Parsed p = EntryIds.parse(ids.get(index));
        if (!p.storeGuid().equalsIgnoreCase(store.guid)) return null;
        HierarchyObject h = objects.find(p.objectId());
        return h == null || h.storeId != store.id || h.deletedAt != null ? null : h;
    }

    private List<byte[]> entryIds(StoreEntity store) {
        PropValue fb = objects.stored(store.hierarchyId).get(PropTag.PR_FREEBUSY_ENTRYIDS);
        return fb == null || fb.mvbin == null ? List.of() : fb.mvbin;
    }

    private boolean isFreeBusy(HierarchyObject h) {
        PropValue cls = objects.stored(h.id).get(PropTag.PR_MESSAGE_CLASS);
        return cls != null && FREEBUSY_CLASS.equalsIgnoreCase(cls.s);
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

    /** PR_SCHDINFO_DELEGATE_NAMES (PT_MV_UNICODE): the store owner's delegates, where Outlook keeps them. */
    public static final int PR_SCHDINFO_DELEGATE_NAMES = 0x6844101F;
    /** Its PT_MV_STRING8 form, as older clients wrote it. */
    public static final int PR_SCHDINFO_DELEGATE_NAMES_A = 0x6844101E;

    /** The delegates of a store's owner as its LocalFreebusy message names them (empty: none, or no message). */
    public List<String> delegates(StoreEntity store) {
        Map<Integer, PropValue> p = props(store);
        List<String> out = new ArrayList<>();
        for (int tag : new int[] {PR_SCHDINFO_DELEGATE_NAMES, PR_SCHDINFO_DELEGATE_NAMES_A}) {
            PropValue names = p.get(tag);
            if (names != null && names.mvs != null) {
                for (String n : names.mvs) if (n != null && !n.isBlank() && !out.contains(n.trim())) out.add(n.trim());
            }
        }
        return out;
    }

    /**
     * Sets the delegates (login names or addresses) of a store's owner in its LocalFreebusy
     * message, as Outlook's delegate dialog does: what sending on behalf of the owner checks
     * ({@link SendAs}). A store without the message gets one.
     */
    public void setDelegates(StoreEntity store, List<String> names) {
        HierarchyObject h = of(store).orElseGet(() -> create(store));
        objects.setProps(h, List.of(PropValue.ofStrings(PR_SCHDINFO_DELEGATE_NAMES, List.copyOf(names))));
        objects.deleteProps(h, List.of(PR_SCHDINFO_DELEGATE_NAMES_A));
    }

    private HierarchyObject create(StoreEntity store) {
        HierarchyObject folder = folder(store);
        if (folder == null) {
            throw new org.zcp.store.StoreException(org.zcp.api.mapi.MapiError.MAPI_E_NOT_FOUND,
                    "the store has no Freebusy Data folder");
        }
        HierarchyObject h = objects.create(store.id, folder.id, ObjectType.MAPI_MESSAGE, store.userId);
        h.flags |= HierarchyObject.FLAG_ASSOCIATED;
        objects.setProps(h, List.of(PropValue.ofString(PropTag.PR_SUBJECT, "LocalFreebusy"),
                PropValue.ofString(PropTag.PR_MESSAGE_CLASS, FREEBUSY_CLASS)));
        HierarchyObject root = objects.find(store.hierarchyId);
        if (root != null) objects.setProps(root, List.of(FreebusyEntryIds.of(store.guid, h.id, folder.id)));
        return h;
    }

    private static boolean bool(PropValue v) {
        return v != null && (Boolean.TRUE.equals(v.b) || v.l != null && v.l != 0);
    }
}
