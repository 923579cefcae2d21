package org.zcp.store.calendar;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.FreeBusy;
import org.zcp.ical.PublishedFreeBusy;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.directory.AbEntryIds;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.FreebusyEntryIds;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.ObjectTree;
import org.zcp.store.mapi.StoreManager;

/**
 * A user's free/busy published in the public store of their company, as the original's clients
 * published it for Outlook and WebAccess (docs/calendar.md, "Free/busy in the public store"): one
 * message per user in the public store's free/busy folder ("Zarafa 1", StoreManager.freeBusyFolder),
 * found by its PR_ADDRESS_BOOK_ENTRYID, holding the busy, tentative and out-of-office time of the
 * user's default calendar from 7 days back to 90 days ahead (manual 4.15's defaults) in the month
 * blobs of [MS-OXOPFFB] (ical's PublishedFreeBusy); PR_FREEBUSY_ENTRYIDS[2] of the user's store root
 * and Inbox names it. Private appointments count as busy time only, as everywhere in free/busy.
 */
@Stateless
public class FreeBusyPublishing {
    /** manual 4.15: FREEBUSY_LOAD_START_OFFSET, 7 days back. */
    static final Duration BEFORE = Duration.ofDays(7);
    /** manual 4.15: FREEBUSY_LOAD_END_OFFSET, 90 days ahead. */
    static final Duration AFTER = Duration.ofDays(90);

    @Inject
    ObjectStore objects;

    @Inject
    ObjectTree tree;

    @Inject
    StoreManager stores;

    @Inject
    Directory directory;

    @Inject
    CalendarItems items;

    /**
     * For each folder, the private store whose default calendar it is, or -1 (another folder, a
     * folder of a public store, one that is gone).
     */
    public Map<Long, Long> calendarStores(Collection<Long> folderIds) {
        Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : folderIds) {
            out.put(id, -1L);
            HierarchyObject f = objects.find(id);
            if (f == null || f.type != ObjectType.MAPI_FOLDER || f.deletedAt != null) continue;
            StoreEntity store = objects.store(f.storeId);
            if (store.type != StoreEntity.PRIVATE) continue;
            Long calendar = stores.specialFolder(store, PropTag.PR_IPM_APPOINTMENT_ENTRYID);
            if (calendar != null && calendar == id) out.put(id, store.id);
        }
        return out;
    }

    /** Every user's private store: what the nightly run publishes anew as the range moves on. */
    public List<Long> privateStores() {
        return objects.em().createQuery("select s.id from StoreEntity s where s.type = :t and s.userId <> 0", Long.class)
                .setParameter("t", StoreEntity.PRIVATE).getResultList();
    }

    /**
     * Publishes the free/busy of a private store's owner as of {@code now}; nothing when the store,
     * its owner, its default calendar or the company's public store is not there. In a transaction
     * of its own: one user's failure leaves the others published.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(long storeId, Instant now) {
        StoreEntity store = objects.em().find(StoreEntity.class, storeId);
        if (store == null || store.type != StoreEntity.PRIVATE || store.userId == 0) return;
        Optional<DirEntry> user = directory.get(store.userId);
        if (user.isEmpty()) return;
        Optional<StoreEntity> pub = stores.publicStoreOf(user.get().companyId());
        Long calendar = stores.specialFolder(store, PropTag.PR_IPM_APPOINTMENT_ENTRYID);
        if (pub.isEmpty() || calendar == null) return;
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Instant from = day.minus(BEFORE);
        Instant to = day.plus(AFTER);
        List<FreeBusy.Period> periods;
        try (CalendarItems.Scope c = items.open(ZoneId.systemDefault())) {
            periods = c.busy(calendar, from, to, null);
        }
        List<PropValue> props = new ArrayList<>(PublishedFreeBusy.props(periods, from, to, now));
        String account = user.get().name();
        props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, account));
        props.add(PropValue.ofString(PropTag.PR_SUBJECT, account));
        props.add(PropValue.ofString(PublishedFreeBusy.EMAIL_ADDRESS, user.get().email()));

        HierarchyObject folder = stores.freeBusyFolder(pub.get());
        byte[] whose = AbEntryIds.of(AbEntryIds.MAPI_MAILUSER, store.userId);
        HierarchyObject msg = messageOf(folder, whose);
        if (msg == null) {
            props.add(PropValue.ofBinary(PropTag.PR_ADDRESS_BOOK_ENTRYID, whose));
            HierarchyObject made = objects.create(pub.get().id, folder.id, ObjectType.MAPI_MESSAGE, Directory.SYSTEM_ID,
                    o -> ObjectStore.presetColumns(o, props));
            objects.setProps(made, props, true);
            objects.lockFresh(StoreEntity.class, pub.get().id);
            made.imapUid = tree.nextUid(folder);
            objects.updateSize(made);
            objects.journal(made, ChangeEntry.ADD);
            msg = made;
        } else {
            objects.setProps(msg, props);
            objects.updateSize(msg);
            objects.journal(msg, ChangeEntry.MODIFY);
        }
        link(store, EntryIds.bytes(pub.get().guid, msg.id));
        LOG.fine(() -> "published the free/busy of " + account + ": " + periods.size() + " busy periods");
    }

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FreeBusyPublishing.class.getName());

    /** The published message of a user in the folder, or null. */
    private HierarchyObject messageOf(HierarchyObject folder, byte[] whose) {
        Map<Long, Map<Integer, PropValue>> all = objects.readOfChildren(folder.id, List.of(PropTag.PR_ADDRESS_BOOK_ENTRYID));
        for (var e : all.entrySet()) {
            PropValue v = e.getValue().get(PropTag.PR_ADDRESS_BOOK_ENTRYID);
            if (v == null || !Arrays.equals(v.bin, whose)) continue;
            HierarchyObject h = objects.find(e.getKey());
            if (h != null && h.deletedAt == null && h.type == ObjectType.MAPI_MESSAGE) return h;
        }
        return null;
    }

    /** PR_FREEBUSY_ENTRYIDS[2] of the store root and the Inbox: the published message, when it is not already. */
    private void link(StoreEntity store, byte[] published) {
        HierarchyObject root = objects.find(store.hierarchyId);
        PropValue current = objects.stored(root.id).get(PropTag.PR_FREEBUSY_ENTRYIDS);
        List<byte[]> ids = current == null || current.mvbin == null ? List.of() : current.mvbin;
        if (ids.size() > 2 && Arrays.equals(ids.get(2), published)) return;
        PropValue linked = FreebusyEntryIds.withPublished(ids, published);
        objects.setProps(root, List.of(linked));
        stores.receiveFolder(store.id, "IPM").map(objects::find).ifPresent(inbox -> objects.setProps(inbox, List.of(linked)));
    }
}
