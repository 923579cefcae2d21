package org.zcp.store.core;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.admin.StoreAdmin;
import org.zcp.store.api.MapiObjects;
import org.zcp.store.api.mapi.AclEntry;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.StoreInfo;
import org.zcp.store.api.mapi.TableQuery;
import org.zcp.store.api.mapi.TableResult;
import org.zcp.store.StoreException;
import org.zcp.store.mapi.AclService;
import org.zcp.store.mapi.EntryIds;
import org.zcp.store.mapi.StoreManager;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.TableService;
import org.zcp.store.session.SessionManager;

/**
 * The MAPI object model behind the store API's door (docs/webaccess.md): each call resolves the
 * session and runs the service SOAP's operation of the same meaning runs, so a web client and a
 * MAPI-in-SOAP client are checked, journaled and announced alike. Nothing here decides anything
 * of its own.
 */
@Stateless
public class MapiObjectsBean implements MapiObjects {
    @Inject
    SessionManager sessions;

    @Inject
    StoreAdmin stores;

    @Inject
    TableService tables;

    @Inject
    FolderService folders;

    @Inject
    MessageService messages;

    @Inject
    SubmitService submits;

    @Inject
    AclService acls;

    @Inject
    StoreManager storeManager;

    @Inject
    org.zcp.store.mapi.ObjectStore objectStore;

    @Inject
    org.zcp.store.mapi.RuleService ruleService;

    @Override
    public StoreInfo store(String session) {
        return stores.open(sessions.require(session), null);
    }

    @Override
    public long storeNumber(String session) {
        return own(session).id;
    }

    @Override
    public String entryId(String session, long objectId) {
        sessions.require(session);
        // the object's own store: a folder of another user's store or of the public store (FolderTree's
        // ids) gets that store's entry id; an object that is gone, the session's store's form
        var info = objectStore.findInfo(objectId);
        return EntryIds.hex(info == null ? own(session).guid : objectStore.storeGuid(info.storeId()), objectId);
    }

    private org.zcp.store.entity.StoreEntity own(String session) {
        var s = sessions.require(session);
        return storeManager.privateStoreOf(s.userId())
                .orElseThrow(() -> StoreException.notFound("the user has no store"));
    }

    @Override
    public StoreInfo publicStore(String session) {
        return stores.openPublic(sessions.require(session), null);
    }

    @Override
    public List<PropValue> props(String session, String entryId, List<Integer> tags) {
        return folders.getProps(sessions.require(session), entryId, tags);
    }

    @Override
    public void setProps(String session, String entryId, List<PropValue> props) {
        folders.setProps(sessions.require(session), entryId, props);
    }

    @Override
    public TableResult contents(String session, String folderEntryId, TableQuery query) {
        return tables.contents(sessions.require(session), folderEntryId, query);
    }

    @Override
    public TableResult hierarchy(String session, String folderEntryId, TableQuery query) {
        return tables.hierarchy(sessions.require(session), folderEntryId, query);
    }

    @Override
    public Message load(String session, String messageEntryId) {
        return messages.load(sessions.require(session), messageEntryId);
    }

    @Override
    public String create(String session, String folderEntryId, Message message) {
        return messages.create(sessions.require(session), folderEntryId, message, false);
    }

    @Override
    public void save(String session, String messageEntryId, Message message) {
        messages.save(sessions.require(session), messageEntryId, message);
    }

    @Override
    public Content attachment(String session, String messageEntryId, int attachNum) {
        MessageService.Content c = messages.attachment(sessions.require(session), messageEntryId, attachNum);
        return new Content(c.mimeType(), c.file(), c.bytes());
    }

    @Override
    public List<String> copy(String session, List<String> messageEntryIds, String destinationFolderId, boolean move) {
        return messages.copy(sessions.require(session), messageEntryIds, destinationFolderId, move);
    }

    @Override
    public void delete(String session, List<String> messageEntryIds) {
        messages.delete(sessions.require(session), messageEntryIds, false);
    }

    @Override
    public void restore(String session, List<String> entryIds) {
        folders.restore(sessions.require(session), entryIds);
    }

    @Override
    public void setRead(String session, List<String> messageEntryIds, boolean read) {
        messages.setReadFlags(sessions.require(session), messageEntryIds, read);
    }

    @Override
    public void submit(String session, String messageEntryId) {
        submits.submit(sessions.require(session), messageEntryId);
    }

    @Override
    public String createFolder(String session, String parentEntryId, String name, String containerClass) {
        return folders.create(sessions.require(session), parentEntryId, name, containerClass, false);
    }

    @Override
    public void moveFolder(String session, String folderEntryId, String parentEntryId, String name) {
        var s = sessions.require(session);
        if (parentEntryId == null) {
            folders.setProps(s, folderEntryId, List.of(PropValue.ofString(PropTag.PR_DISPLAY_NAME, name)));
        } else {
            folders.copy(s, folderEntryId, parentEntryId, name, true);
        }
    }

    @Override
    public void deleteFolder(String session, String folderEntryId) {
        folders.delete(sessions.require(session), folderEntryId, false);
    }

    @Override
    public List<AclEntry> acl(String session, String folderEntryId) {
        return acls.get(sessions.require(session), folderEntryId);
    }

    @Override
    public void setAcl(String session, String folderEntryId, List<AclEntry> entries) {
        acls.set(sessions.require(session), folderEntryId, entries);
    }

    @Override
    public List<org.zcp.store.api.rules.Rule> rules(String session, String inboxEntryId) {
        return ruleService.get(sessions.require(session), inboxEntryId);
    }

    @Override
    public void setRules(String session, String inboxEntryId, List<org.zcp.store.api.rules.Rule> rules) {
        ruleService.set(sessions.require(session), inboxEntryId, rules);
    }

    @Inject
    org.zcp.store.mapi.LocalFreebusy localFreebusy;

    @Override
    public List<String> delegates(String session) {
        return localFreebusy.delegates(own(session));
    }

    @Override
    public void setDelegates(String session, List<String> names) {
        if (names.size() > 100 || names.stream().anyMatch(n -> n == null || n.isBlank() || n.length() > 256)) {
            throw StoreException.invalid("at most 100 delegates, each a login name or address");
        }
        localFreebusy.setDelegates(own(session), names);
    }
}
