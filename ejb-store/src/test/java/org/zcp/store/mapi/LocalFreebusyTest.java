package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.StoreException;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.LocalFreebusy.AutoAccept;

/** Manual 8.8: zarafa-admin's --mr-* settings on the store's LocalFreebusy message, where Outlook keeps them. */
class LocalFreebusyTest {
    static final String GUID = "F2EE0000000000000000000000000001";
    static final long FREEBUSY_FOLDER = 200;

    final StoreEntity store = new StoreEntity();
    /** Stored properties by object id, and the messages of the Freebusy Data folder. */
    final Map<Long, Map<Integer, PropValue>> props = new HashMap<>();
    final List<HierarchyObject> freebusyFolder = new ArrayList<>();
    long nextId = 300;

    LocalFreebusyTest() {
        store.id = 10;
        store.guid = GUID;
        store.hierarchyId = 100;
        store.userId = 1;
        store.type = StoreEntity.PRIVATE;
        setProps(store.hierarchyId, List.of(PropValue.ofBinaries(PropTag.PR_FREEBUSY_ENTRYIDS,
                List.of(new byte[0], EntryIds.bytes(GUID, FREEBUSY_FOLDER)))));
    }

    void setProps(long id, List<PropValue> values) {
        Map<Integer, PropValue> p = props.computeIfAbsent(id, k -> new LinkedHashMap<>());
        values.forEach(v -> p.put(v.tag, v));
    }

    /** The message a new store gets (StoreManager.createPrivateStore). */
    HierarchyObject localFreebusyMessage() {
        HierarchyObject h = new HierarchyObject();
        h.id = 201;
        h.storeId = store.id;
        h.parentId = FREEBUSY_FOLDER;
        h.type = ObjectType.MAPI_MESSAGE;
        h.flags = HierarchyObject.FLAG_ASSOCIATED;
        freebusyFolder.add(h);
        setProps(h.id, List.of(PropValue.ofString(PropTag.PR_SUBJECT, "LocalFreebusy"),
                PropValue.ofString(PropTag.PR_MESSAGE_CLASS, LocalFreebusy.FREEBUSY_CLASS)));
        return h;
    }

    LocalFreebusy localFreebusy() {
        LocalFreebusy l = new LocalFreebusy();
        l.objects = new ObjectStore() {
            @Override
            public Map<Integer, PropValue> stored(long id) {
                return new LinkedHashMap<>(props.getOrDefault(id, Map.of()));
            }

            @Override
            public HierarchyObject find(long id) {
                if (id == FREEBUSY_FOLDER) {
                    HierarchyObject f = new HierarchyObject();
                    f.id = id;
                    f.storeId = store.id;
                    f.type = ObjectType.MAPI_FOLDER;
                    return f;
                }
                if (id == store.hierarchyId) {
                    HierarchyObject root = new HierarchyObject();
                    root.id = id;
                    root.storeId = store.id;
                    root.type = ObjectType.MAPI_FOLDER;
                    return root;
                }
                return freebusyFolder.stream().filter(h -> h.id == id).findFirst().orElse(null);
            }

            @Override
            public List<HierarchyObject> children(long parentId, int type, boolean deleted) {
                return parentId == FREEBUSY_FOLDER && type == ObjectType.MAPI_MESSAGE ? List.copyOf(freebusyFolder)
                        : List.of();
            }

            @Override
            public HierarchyObject create(long storeId, long parentId, int type, long ownerId) {
                HierarchyObject h = new HierarchyObject();
                h.id = nextId++;
                h.storeId = storeId;
                h.parentId = parentId;
                h.type = type;
                h.ownerId = ownerId;
                if (parentId == FREEBUSY_FOLDER) freebusyFolder.add(h);
                return h;
            }

            @Override
            public void setProps(HierarchyObject o, List<PropValue> values) {
                LocalFreebusyTest.this.setProps(o.id, values);
            }
        };
        return l;
    }

    @Test
    void aNewStoreAnswersNothingByItself() {
        localFreebusyMessage();

        assertThat(localFreebusy().autoAccept(store)).isEqualTo(AutoAccept.OFF);
    }

    @Test
    void onlyTheGivenSettingsChange() {
        HierarchyObject message = localFreebusyMessage();
        LocalFreebusy l = localFreebusy();

        l.setAutoAccept(store, true, null, null);

        assertThat(l.autoAccept(store)).isEqualTo(new AutoAccept(true, false, false));
        assertThat(props.get(message.id)).containsEntry(LocalFreebusy.PR_SCHDINFO_AUTO_ACCEPT_APPTS,
                PropValue.ofBool(LocalFreebusy.PR_SCHDINFO_AUTO_ACCEPT_APPTS, true))
                .doesNotContainKeys(LocalFreebusy.PR_SCHDINFO_DISALLOW_OVERLAPPING_APPTS,
                        LocalFreebusy.PR_SCHDINFO_DISALLOW_RECURRING_APPTS);

        l.setAutoAccept(store, null, null, true);
        assertThat(l.autoAccept(store)).isEqualTo(new AutoAccept(true, false, true));
        l.setAutoAccept(store, false, true, null);
        assertThat(l.autoAccept(store)).isEqualTo(new AutoAccept(false, true, true));
        assertThat(freebusyFolder).containsExactly(message);
    }

    @Test
    void whatOutlookWroteIsRead() {
        HierarchyObject message = localFreebusyMessage();
        setProps(message.id, List.of(PropValue.ofBool(LocalFreebusy.PR_SCHDINFO_AUTO_ACCEPT_APPTS, true),
                PropValue.ofBool(LocalFreebusy.PR_SCHDINFO_DISALLOW_OVERLAPPING_APPTS, true),
                PropValue.ofBool(LocalFreebusy.PR_SCHDINFO_DISALLOW_RECURRING_APPTS, false)));

        assertThat(localFreebusy().autoAccept(store)).isEqualTo(new AutoAccept(true, true, false));
    }

    @Test
    void aStoreWithoutTheMessageGetsOneWhenASettingIsMade() {
        LocalFreebusy l = localFreebusy();
        assertThat(l.of(store)).isEmpty();
        assertThat(l.autoAccept(store)).isEqualTo(AutoAccept.OFF);

        l.setAutoAccept(store, true, null, null);

        assertThat(freebusyFolder).singleElement().satisfies(h -> {
            assertThat(h.isAssociated()).isTrue();
            assertThat(h.storeId).isEqualTo(store.id);
        });
        assertThat(l.autoAccept(store)).isEqualTo(new AutoAccept(true, false, false));
    }

    @Test
    void anotherStoresFolderIsNotRead() {
        setProps(store.hierarchyId, List.of(PropValue.ofBinaries(PropTag.PR_FREEBUSY_ENTRYIDS,
                List.of(new byte[0], EntryIds.bytes("0123456789ABCDEF0123456789ABCDEF", FREEBUSY_FOLDER)))));
        HierarchyObject message = localFreebusyMessage();
        setProps(message.id, List.of(PropValue.ofBool(LocalFreebusy.PR_SCHDINFO_AUTO_ACCEPT_APPTS, true)));

        assertThat(localFreebusy().autoAccept(store)).isEqualTo(AutoAccept.OFF);
    }

    @Test
    void aStoreWithoutFreebusyDataCannotKeepTheSettings() {
        props.remove(store.hierarchyId);

        assertThatThrownBy(() -> localFreebusy().setAutoAccept(store, true, null, null))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.error()).isEqualTo(MapiError.MAPI_E_NOT_FOUND));
    }

    @Test
    void theSpecifiedLayoutNamesTheMessageItselfAndANewMessageIsNamedSo() {
        HierarchyObject message = localFreebusyMessage();
        setProps(store.hierarchyId, List.of(FreebusyEntryIds.of(GUID, message.id, FREEBUSY_FOLDER)));
        setProps(message.id, List.of(PropValue.ofBool(LocalFreebusy.PR_SCHDINFO_AUTO_ACCEPT_APPTS, true)));
        assertThat(localFreebusy().of(store)).contains(message);
        assertThat(localFreebusy().autoAccept(store).accept()).isTrue();

        // an older store (the folder in [1]) that lost its message gets one, named in [1]
        freebusyFolder.clear();
        setProps(store.hierarchyId, List.of(PropValue.ofBinaries(PropTag.PR_FREEBUSY_ENTRYIDS,
                List.of(new byte[0], EntryIds.bytes(GUID, FREEBUSY_FOLDER)))));
        LocalFreebusy l = localFreebusy();
        l.setAutoAccept(store, true, null, null);
        List<byte[]> ids = props.get(store.hierarchyId).get(PropTag.PR_FREEBUSY_ENTRYIDS).mvbin;
        assertThat(ids).hasSize(4);
        assertThat(EntryIds.parse(ids.get(1)).objectId()).isEqualTo(freebusyFolder.get(0).id);
        assertThat(EntryIds.parse(ids.get(3)).objectId()).isEqualTo(FREEBUSY_FOLDER);
        assertThat(l.autoAccept(store).accept()).isTrue();
    }
}
