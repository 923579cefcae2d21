package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.api.mapi.ObjectType;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.HierarchyObject;
import org.zcp.store.entity.ObjectRelation;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.ObjectStore;
import org.zcp.store.mapi.StoreManager;

/** Manual 8.3.5 with security review #17 and #26: who may send for whom, and what From becomes. */
class SendAsTest {
    static final String BOSS_GUID = "B0550000000000000000000000000001";

    static DirEntry user(long id, String name, String email) {
        Map<String, String> attrs = new HashMap<>(Map.of(Attr.NAME, name, Attr.FULLNAME, name));
        if (email != null) attrs.put(Attr.EMAIL, email);
        return new DirEntry(id, "x", ObjectClass.ACTIVE_USER, 0, attrs);
    }

    final DirEntry boss = user(1, "boss", "boss@example.com");
    final DirEntry secretary = user(2, "secretary", "secretary@example.com");
    final DirEntry noAddress = user(3, "noaddr", null);
    final List<Long> sendAsOfBoss = new ArrayList<>();
    final List<String> delegatesOfBoss = new ArrayList<>();
    final StoreEntity bossStore = new StoreEntity();

    SendAs sendAs() {
        bossStore.id = 10;
        bossStore.guid = BOSS_GUID;
        bossStore.hierarchyId = 100;
        bossStore.userId = boss.id();
        bossStore.type = StoreEntity.PRIVATE;
        Map<Long, DirEntry> users = Map.of(1L, boss, 2L, secretary, 3L, noAddress);
        SendAs s = new SendAs();
        s.directory = new Directory() {
            @Override
            public Optional<DirEntry> get(long id) {
                return Optional.ofNullable(users.get(id));
            }

            @Override
            public Optional<DirEntry> findUserByAddress(String address) {
                return users.values().stream().filter(u -> address.equalsIgnoreCase(u.email())).findFirst();
            }

            @Override
            public String loginName(DirEntry user) {
                return user.name();
            }

            @Override
            public List<Long> related(long parentId, int type) {
                return parentId == boss.id() && type == ObjectRelation.SEND_AS ? sendAsOfBoss : List.of();
            }
        };
        s.stores = new StoreManager() {
            @Override
            public Optional<StoreEntity> privateStoreOf(long userId) {
                return userId == boss.id() ? Optional.of(bossStore) : Optional.empty();
            }
        };
        HierarchyObject localFreebusy = new HierarchyObject();
        localFreebusy.id = 201;
        localFreebusy.storeId = bossStore.id;
        localFreebusy.type = ObjectType.MAPI_MESSAGE;
        localFreebusy.flags = HierarchyObject.FLAG_ASSOCIATED;
        s.localFreebusy = new LocalFreebusy();
        s.localFreebusy.objects = new ObjectStore() {
            @Override
            public Map<Integer, PropValue> stored(long id) {
                Map<Integer, PropValue> p = new HashMap<>();
                if (id == bossStore.hierarchyId) {
                    p.put(PropTag.PR_FREEBUSY_ENTRYIDS, PropValue.ofBinaries(PropTag.PR_FREEBUSY_ENTRYIDS,
                            List.of(new byte[0], EntryIds.bytes(BOSS_GUID, 200))));
                } else if (id == localFreebusy.id) {
                    p.put(PropTag.PR_MESSAGE_CLASS, PropValue.ofString(PropTag.PR_MESSAGE_CLASS, LocalFreebusy.FREEBUSY_CLASS));
                    p.put(LocalFreebusy.PR_SCHDINFO_DELEGATE_NAMES, PropValue.ofStrings(LocalFreebusy.PR_SCHDINFO_DELEGATE_NAMES,
                            delegatesOfBoss));
                }
                return p;
            }

            @Override
            public HierarchyObject find(long id) {
                if (id == localFreebusy.id) return localFreebusy;
                if (id != 200) return null;
                HierarchyObject folder = new HierarchyObject();
                folder.id = 200;
                folder.storeId = bossStore.id;
                folder.type = ObjectType.MAPI_FOLDER;
                return folder;
            }

            @Override
            public List<HierarchyObject> children(long parentId, int type, boolean deleted) {
                return parentId == 200 && type == ObjectType.MAPI_MESSAGE ? List.of(localFreebusy) : List.of();
            }
        };
        return s;
    }

    static Message representing(String address) {
        Message m = new Message();
        if (address != null) m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, address));
        return m;
    }

    StoreEntity own(DirEntry u) {
        StoreEntity s = new StoreEntity();
        s.id = 50 + u.id();
        s.userId = u.id();
        s.type = StoreEntity.PRIVATE;
        return s;
    }

    @Test
    void aUserSendsAsThemself() {
        SendAs.Decision d = sendAs().decide(secretary, own(secretary), representing(null));
        assertThat(d.allowed()).isTrue();
        assertThat(d.from()).isEqualTo(secretary);
        assertThat(d.sender()).isNull();
    }

    @Test
    void aMessageInSomeoneElsesStoreIsNoGrant() {
        // review #26: edit rights on a folder of the boss's store let the secretary put it there
        SendAs.Decision d = sendAs().decide(secretary, bossStore, representing(null));
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusal()).contains("not allowed to send as boss");
        assertThat(sendAs().decide(secretary, own(secretary), representing("boss@example.com")).allowed()).isFalse();
    }

    @Test
    void aListedDelegateSendsOnBehalf() {
        delegatesOfBoss.add("Secretary");
        SendAs.Decision d = sendAs().decide(secretary, own(secretary), representing("boss@example.com"));
        assertThat(d.allowed()).isTrue();
        assertThat(d.from()).isEqualTo(boss);
        assertThat(d.sender()).isEqualTo(secretary);
        assertThat(sendAs().decide(secretary, bossStore, representing(null)).sender()).isEqualTo(secretary);
    }

    @Test
    void delegatesAreListedByLoginOrAddressNotByDisplayNameLookalikes() {
        delegatesOfBoss.add("SECRETARY@example.com");
        assertThat(sendAs().decide(secretary, own(secretary), representing("boss@example.com")).allowed()).isTrue();
        delegatesOfBoss.clear();
        delegatesOfBoss.add("secretary ");
        assertThat(sendAs().decide(secretary, own(secretary), representing("boss@example.com")).allowed()).isTrue();
        delegatesOfBoss.clear();
        delegatesOfBoss.add("Secretary Tester");
        assertThat(sendAs().decide(secretary, own(secretary), representing("boss@example.com")).allowed()).isFalse();
    }

    @Test
    void sendAsAloneMakesTheUserTheOnlyFrom() {
        sendAsOfBoss.add(secretary.id());
        SendAs.Decision d = sendAs().decide(secretary, own(secretary), representing("boss@example.com"));
        assertThat(d.from()).isEqualTo(boss);
        assertThat(d.sender()).isNull();
    }

    @Test
    void onBehalfWinsOverSendAs() {
        // manual 8.3.5, note: with both, the mail is always sent "on behalf of"
        sendAsOfBoss.add(secretary.id());
        delegatesOfBoss.add("secretary");
        SendAs.Decision d = sendAs().decide(secretary, own(secretary), representing("boss@example.com"));
        assertThat(d.from()).isEqualTo(boss);
        assertThat(d.sender()).isEqualTo(secretary);
    }

    @Test
    void aUserWithoutAnAddressCannotSendAtAll() {
        // review #17: no From from PR_SENT_REPRESENTING / PR_SENDER of the client
        SendAs.Decision d = sendAs().decide(noAddress, own(noAddress), representing(null));
        assertThat(d.allowed()).isFalse();
        assertThat(d.refusal()).contains("has no e-mail address");
        Message spoof = representing("ceo@elsewhere.example");
        spoof.props.add(PropValue.ofString(PropTag.PR_SENDER_EMAIL_ADDRESS, "ceo@elsewhere.example"));
        assertThat(sendAs().decide(noAddress, own(noAddress), spoof).allowed()).isFalse();
    }

    @Test
    void aDelegateWithoutAnAddressCannotSendOnBehalf() {
        delegatesOfBoss.add("noaddr");
        sendAsOfBoss.add(noAddress.id());
        assertThat(sendAs().decide(noAddress, own(noAddress), representing("boss@example.com")).allowed()).isFalse();
    }

    @Test
    void invalidDirectoryAddressesCountAsNone() {
        assertThat(SendAs.hasAddress(user(9, "x", "not an address"))).isFalse();
        assertThat(SendAs.hasAddress(user(9, "x", "a@b@c"))).isFalse();
        assertThat(SendAs.hasAddress(user(9, "x", "x@example.com"))).isTrue();
    }
}
