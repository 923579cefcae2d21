package org.zcp.soap;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.xml.ws.WebServiceContext;
import jakarta.xml.ws.handler.MessageContext;
import jakarta.xml.ws.soap.MTOM;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.NamedProp;
import org.zcp.api.soap.OrphanReport;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.TableResult;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.store.admin.CompanyAdmin;
import org.zcp.store.admin.GroupAdmin;
import org.zcp.store.admin.StoreAdmin;
import org.zcp.store.admin.UserAdmin;
import org.zcp.store.logon.Logon;
import org.zcp.store.mapi.AclService;
import org.zcp.store.mapi.FolderService;
import org.zcp.store.mapi.MessageService;
import org.zcp.store.mapi.NamedProperties;
import org.zcp.store.mapi.TableService;
import org.zcp.store.session.Session;
import org.zcp.store.session.SessionManager;

/**
 * The MAPI-in-SOAP endpoint at /zarafa (manual 1.4.1). Each operation resolves the session and
 * hands the work to one store service (one transaction); errors become MAPI faults.
 */
@WebService(serviceName = "ZarafaCmd", portName = "ZarafaCmdPort", name = "ZarafaCmd",
        targetNamespace = "urn:zarafa", endpointInterface = "org.zcp.api.soap.ZarafaCmd")
@MTOM(enabled = true, threshold = 65536)
public class ZarafaCmdEndpoint implements ZarafaCmd {
    static final String VERSION = "7.1.0";

    @Resource
    WebServiceContext context;

    @EJB
    Logon logon;

    @EJB
    SessionManager sessions;

    @EJB
    StoreAdmin storeAdmin;

    @EJB
    UserAdmin userAdmin;

    @EJB
    GroupAdmin groupAdmin;

    @EJB
    org.zcp.store.directory.GalService gal;

    @EJB
    CompanyAdmin companyAdmin;

    @EJB
    FolderService folders;

    @EJB
    MessageService messages;

    @EJB
    TableService tables;

    @EJB
    AclService acls;

    @EJB
    NamedProperties names;

    @EJB
    org.zcp.store.db.SchemaMigrator schema;

    @EJB
    org.zcp.store.dagent.DeliveryService delivery;

    @EJB
    org.zcp.store.directory.Directory directory;

    @EJB
    org.zcp.store.core.SubmitService submits;

    @EJB
    org.zcp.store.mapi.RuleService rules;

    @EJB
    org.zcp.store.archive.ArchiveService archives;

    @FunctionalInterface
    interface Op<T> {
        T run(Session s);
    }

    @FunctionalInterface
    interface VoidOp {
        void run(Session s);
    }

    private <T> T call(String name, String sessionId, Op<T> op) throws MapiException {
        try {
            return op.run(sessions.require(sessionId, clientAddress()));
        } catch (RuntimeException e) {
            throw Faults.of(e, name);
        }
    }

    private void exec(String name, String sessionId, VoidOp op) throws MapiException {
        call(name, sessionId, s -> {
            op.run(s);
            return null;
        });
    }

    private String clientAddress() {
        try {
            HttpServletRequest req = (HttpServletRequest) context.getMessageContext().get(MessageContext.SERVLET_REQUEST);
            return req == null ? "?" : req.getRemoteAddr();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private LogonResult result(Session s) {
        LogonResult r = new LogonResult();
        r.sessionId = s.id();
        r.userName = s.userName();
        r.serverVersion = VERSION;
        r.serverGuid = schema.serverGuid();
        r.capabilities.add("UNICODE");
        r.capabilities.add("MTOM");
        r.capabilities.add("MULTI_TENANCY");
        return r;
    }

    // ---- session -------------------------------------------------------------------------------

    @Override
    public LogonResult logon(String user, String password, String impersonate, String clientApp) throws MapiException {
        try {
            return result(logon.password(user, password, impersonate, clientAddress(), app(clientApp)));
        } catch (RuntimeException e) {
            throw Faults.of(e, "logon");
        }
    }

    @Override
    public LogonResult localAdminLogon(String unixUser, String secret, String clientApp) throws MapiException {
        try {
            String from = clientAddress();
            if (!isLoopback(from)) {
                throw new org.zcp.store.StoreException(org.zcp.api.mapi.MapiError.MAPI_E_LOGON_FAILED,
                        "trusted logon is only accepted from the server host");
            }
            return result(logon.localAdmin(unixUser, secret, from, app(clientApp)));
        } catch (RuntimeException e) {
            throw Faults.of(e, "localAdminLogon");
        }
    }

    private static boolean isLoopback(String addr) {
        return addr != null && (addr.startsWith("127.") || addr.equals("::1") || addr.equals("0:0:0:0:0:0:0:1"));
    }

    private static String app(String clientApp) {
        return clientApp == null || clientApp.isEmpty() ? "unknown" : clientApp;
    }

    @Override
    public void logoff(String sessionId) throws MapiException {
        try {
            logon.logoff(sessionId);
        } catch (RuntimeException e) {
            throw Faults.of(e, "logoff");
        }
    }

    // ---- stores --------------------------------------------------------------------------------

    @Override
    public StoreInfo getStore(String sessionId, String userName) throws MapiException {
        return call("getStore", sessionId, s -> Wire.out(storeAdmin.open(s, userName)));
    }

    @Override
    public StoreInfo getPublicStore(String sessionId, String companyName) throws MapiException {
        return call("getPublicStore", sessionId, s -> Wire.out(storeAdmin.openPublic(s, companyName)));
    }

    @Override
    public StoreInfo createPublicStore(String sessionId, String companyName) throws MapiException {
        return call("createPublicStore", sessionId, s -> Wire.out(storeAdmin.createPublic(s, companyName)));
    }

    @Override
    public StoreInfo createStore(String sessionId, String userName) throws MapiException {
        return call("createStore", sessionId, s -> Wire.out(storeAdmin.create(s, userName)));
    }

    @Override
    public OrphanReport listOrphans(String sessionId) throws MapiException {
        return call("listOrphans", sessionId, s -> Wire.out(storeAdmin.orphans(s)));
    }

    @Override
    public void removeStore(String sessionId, String guid) throws MapiException {
        exec("removeStore", sessionId, s -> storeAdmin.remove(s, guid));
    }

    @Override
    public void hookStore(String sessionId, String guid, String userName) throws MapiException {
        exec("hookStore", sessionId, s -> storeAdmin.hook(s, guid, userName));
    }

    @Override
    public void unhookStore(String sessionId, String userName) throws MapiException {
        exec("unhookStore", sessionId, s -> storeAdmin.unhook(s, userName));
    }

    // ---- folders -------------------------------------------------------------------------------

    @Override
    public TableResult queryHierarchy(String sessionId, String folderId, TableQuery query) throws MapiException {
        return call("queryHierarchy", sessionId, s -> Wire.out(tables.hierarchy(s, folderId, Wire.in(query))));
    }

    @Override
    public String createFolder(String sessionId, String parentId, String name, String containerClass,
            boolean openIfExists) throws MapiException {
        return call("createFolder", sessionId, s -> folders.create(s, parentId, name, containerClass, openIfExists));
    }

    @Override
    public String copyFolder(String sessionId, String folderId, String destParentId, String newName, boolean move)
            throws MapiException {
        return call("copyFolder", sessionId, s -> folders.copy(s, folderId, destParentId, newName, move));
    }

    @Override
    public void deleteFolder(String sessionId, String folderId, boolean hard) throws MapiException {
        exec("deleteFolder", sessionId, s -> folders.delete(s, folderId, hard));
    }

    @Override
    public void emptyFolder(String sessionId, String folderId, boolean hard) throws MapiException {
        exec("emptyFolder", sessionId, s -> folders.empty(s, folderId, hard));
    }

    // ---- objects -------------------------------------------------------------------------------

    @Override
    public List<PropValue> getProps(String sessionId, String objectId, List<Integer> tags) throws MapiException {
        return call("getProps", sessionId, s -> Wire.propsOut(folders.getProps(s, objectId, tags)));
    }

    @Override
    public void setProps(String sessionId, String objectId, List<PropValue> props) throws MapiException {
        exec("setProps", sessionId, s -> folders.setProps(s, objectId, props == null ? List.of() : Wire.propsIn(props)));
    }

    @Override
    public void deleteProps(String sessionId, String objectId, List<Integer> tags) throws MapiException {
        exec("deleteProps", sessionId, s -> folders.deleteProps(s, objectId, tags == null ? List.of() : tags));
    }

    @Override
    public List<Integer> getIDsFromNames(String sessionId, List<NamedProp> list, boolean create)
            throws MapiException {
        return call("getIDsFromNames", sessionId, s -> names.ids(s, list == null ? List.of() : Wire.map(list, Wire::in), create));
    }

    @Override
    public List<NamedProp> getNamesFromIDs(String sessionId, List<Integer> propIds) throws MapiException {
        return call("getNamesFromIDs", sessionId, s -> Wire.map(names.names(propIds == null ? List.of() : propIds), Wire::out));
    }

    @Override
    public String createMessage(String sessionId, String folderId, Message message, boolean associated)
            throws MapiException {
        return call("createMessage", sessionId, s -> messages.create(s, folderId,
                message == null ? new org.zcp.store.api.mapi.Message() : Wire.in(message), associated));
    }

    @Override
    public void saveMessage(String sessionId, String messageId, Message message) throws MapiException {
        exec("saveMessage", sessionId, s -> messages.save(s, messageId,
                message == null ? new org.zcp.store.api.mapi.Message() : Wire.in(message)));
    }

    @Override
    public Message loadMessage(String sessionId, String messageId) throws MapiException {
        return call("loadMessage", sessionId, s -> Wire.out(messages.load(s, messageId)));
    }

    @Override
    public DataHandler loadAttachment(String sessionId, String messageId, int attachNum) throws MapiException {
        return call("loadAttachment", sessionId, s -> {
            MessageService.Content c = messages.attachment(s, messageId, attachNum);
            if (c.file() != null) {
                FileDataSource fds = new FileDataSource(c.file().toFile());
                return new DataHandler(new TypedDataSource(fds, c.mimeType()));
            }
            return new DataHandler(new BytesDataSource(c.bytes(), c.mimeType()));
        });
    }

    @Override
    public int saveAttachment(String sessionId, String messageId, int attachNum, List<PropValue> props,
            DataHandler data) throws MapiException {
        return call("saveAttachment", sessionId, s -> {
            try (InputStream in = data == null ? InputStream.nullInputStream() : data.getInputStream()) {
                return messages.saveAttachment(s, messageId, attachNum, Wire.propsIn(props), in);
            } catch (IOException e) {
                throw new org.zcp.store.StoreException(org.zcp.api.mapi.MapiError.MAPI_E_NETWORK_ERROR,
                        "attachment upload broke off: " + e.getMessage());
            }
        });
    }

    @Override
    public List<String> copyMessages(String sessionId, List<String> messageIds, String destFolderId, boolean move)
            throws MapiException {
        return call("copyMessages", sessionId, s -> messages.copy(s, ids(messageIds), destFolderId, move));
    }

    @Override
    public void deleteMessages(String sessionId, List<String> messageIds, boolean hard) throws MapiException {
        exec("deleteMessages", sessionId, s -> messages.delete(s, ids(messageIds), hard));
    }

    @Override
    public void setReadFlags(String sessionId, List<String> messageIds, boolean read) throws MapiException {
        exec("setReadFlags", sessionId, s -> messages.setReadFlags(s, ids(messageIds), read));
    }

    @Override
    public List<org.zcp.api.soap.Rule> getRules(String sessionId, String folderId) throws MapiException {
        return call("getRules", sessionId, s -> Wire.map(rules.get(s, folderId), Wire::out));
    }

    @Override
    public void setRules(String sessionId, String folderId, List<org.zcp.api.soap.Rule> list) throws MapiException {
        exec("setRules", sessionId, s -> rules.set(s, folderId, list == null ? List.of() : Wire.map(list, Wire::in)));
    }

    @Override
    public void attachArchive(String sessionId, String userName, String archiveUser, String folder)
            throws MapiException {
        exec("attachArchive", sessionId, s -> archives.attach(s, userName, archiveUser, folder));
    }

    @Override
    public void detachArchive(String sessionId, String userName, String archiveUser) throws MapiException {
        exec("detachArchive", sessionId, s -> archives.detach(s, userName, archiveUser));
    }

    @Override
    public List<org.zcp.api.soap.ArchiveInfo> listArchives(String sessionId, String userName) throws MapiException {
        return call("listArchives", sessionId, s -> Wire.map(archives.list(s, userName), Wire::out));
    }

    @Override
    public void submitMessage(String sessionId, String messageId) throws MapiException {
        exec("submitMessage", sessionId, s -> submits.submit(s, messageId));
    }

    @Override
    public void abortSubmit(String sessionId, String messageId) throws MapiException {
        exec("abortSubmit", sessionId, s -> submits.abort(s, messageId));
    }

    @Override
    public boolean isMessageInQueue(String sessionId, String messageId) throws MapiException {
        return call("isMessageInQueue", sessionId, s -> submits.queued(s, messageId));
    }

    @Override
    public void restoreObjects(String sessionId, List<String> objectIds) throws MapiException {
        exec("restoreObjects", sessionId, s -> folders.restore(s, ids(objectIds)));
    }

    private static List<String> ids(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    @Override
    public TableResult queryContents(String sessionId, String folderId, TableQuery query) throws MapiException {
        return call("queryContents", sessionId, s -> Wire.out(tables.contents(s, folderId, Wire.in(query))));
    }

    // ---- delivery ------------------------------------------------------------------------------

    @Override
    public org.zcp.api.soap.DeliveryResult deliverMessage(String sessionId, String recipient, String envelopeFrom,
            DataHandler rfc822, String folder, boolean create, boolean markRead) throws MapiException {
        return call("deliverMessage", sessionId, s -> {
            directory.requireSystemAdmin(s);
            java.nio.file.Path tmp = null;
            try {
                tmp = java.nio.file.Files.createTempFile("zcp-delivery", ".eml");
                try (InputStream in = rfc822 == null ? InputStream.nullInputStream() : rfc822.getInputStream()) {
                    java.nio.file.Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
                return Wire.out(org.zcp.store.dagent.Deliveries.outcome(delivery, recipient, envelopeFrom, tmp, folder,
                        create, markRead));
            } catch (IOException e) {
                throw new org.zcp.store.StoreException(org.zcp.api.mapi.MapiError.MAPI_E_NETWORK_ERROR,
                        "message upload broke off");
            } finally {
                if (tmp != null) {
                    try {
                        java.nio.file.Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // temporary file
                    }
                }
            }
        });
    }

    // ---- permissions and quota -----------------------------------------------------------------

    @Override
    public List<AclEntry> getRights(String sessionId, String objectId) throws MapiException {
        return call("getRights", sessionId, s -> Wire.map(acls.get(s, objectId), Wire::out));
    }

    @Override
    public void setRights(String sessionId, String objectId, List<AclEntry> acl) throws MapiException {
        exec("setRights", sessionId, s -> acls.set(s, objectId, acl == null ? List.of() : Wire.map(acl, Wire::in)));
    }

    @Override
    public QuotaStatus getQuotaStatus(String sessionId, String userName) throws MapiException {
        return call("getQuotaStatus", sessionId, s -> Wire.out(storeAdmin.quotaStatus(s, userName)));
    }

    @Override
    public int purgeSoftDelete(String sessionId, int days) throws MapiException {
        return call("purgeSoftDelete", sessionId, s -> storeAdmin.purge(s, days));
    }

    @Override
    public List<String> syncDirectory(String sessionId) throws MapiException {
        return call("syncDirectory", sessionId, s -> userAdmin.sync(s));
    }

    // ---- users ---------------------------------------------------------------------------------

    @Override
    public UserDetails createUser(String sessionId, UserDetails user) throws MapiException {
        return call("createUser", sessionId, s -> Wire.out(userAdmin.create(s, Wire.in(user))));
    }

    @Override
    public void setUser(String sessionId, String userName, UserDetails user) throws MapiException {
        exec("setUser", sessionId, s -> userAdmin.update(s, userName,
                user == null ? new org.zcp.store.api.admin.UserDetails() : Wire.in(user)));
    }

    @Override
    public UserDetails getUser(String sessionId, String userName) throws MapiException {
        return call("getUser", sessionId, s -> Wire.out(userAdmin.get(s, userName)));
    }

    @Override
    public void deleteUser(String sessionId, String userName) throws MapiException {
        exec("deleteUser", sessionId, s -> userAdmin.delete(s, userName));
    }

    @Override
    public List<UserDetails> getUserList(String sessionId, String companyName) throws MapiException {
        return call("getUserList", sessionId, s -> Wire.map(userAdmin.list(s, companyName), Wire::out));
    }

    @Override
    public void setUserFeature(String sessionId, String userName, String feature, boolean enabled)
            throws MapiException {
        exec("setUserFeature", sessionId, s -> userAdmin.setFeature(s, userName, feature, enabled));
    }

    @Override
    public List<UserDetails> getSendAsList(String sessionId, String userName) throws MapiException {
        return call("getSendAsList", sessionId, s -> Wire.map(userAdmin.sendAsList(s, userName), Wire::out));
    }

    @Override
    public void addSendAsUser(String sessionId, String userName, String delegate) throws MapiException {
        exec("addSendAsUser", sessionId, s -> userAdmin.addSendAs(s, userName, delegate));
    }

    @Override
    public void delSendAsUser(String sessionId, String userName, String delegate) throws MapiException {
        exec("delSendAsUser", sessionId, s -> userAdmin.delSendAs(s, userName, delegate));
    }

    // ---- groups --------------------------------------------------------------------------------

    @Override
    public void createGroup(String sessionId, GroupDetails group) throws MapiException {
        exec("createGroup", sessionId, s -> groupAdmin.create(s, Wire.in(group)));
    }

    @Override
    public void setGroup(String sessionId, String groupName, GroupDetails group) throws MapiException {
        exec("setGroup", sessionId, s -> groupAdmin.update(s, groupName,
                group == null ? new org.zcp.store.api.admin.GroupDetails() : Wire.in(group)));
    }

    @Override
    public GroupDetails getGroup(String sessionId, String groupName) throws MapiException {
        return call("getGroup", sessionId, s -> Wire.out(groupAdmin.get(s, groupName)));
    }

    @Override
    public void deleteGroup(String sessionId, String groupName) throws MapiException {
        exec("deleteGroup", sessionId, s -> groupAdmin.delete(s, groupName));
    }

    @Override
    public List<GroupDetails> getGroupList(String sessionId, String companyName) throws MapiException {
        return call("getGroupList", sessionId, s -> Wire.map(groupAdmin.list(s, companyName), Wire::out));
    }

    @Override
    public void addGroupUser(String sessionId, String groupName, String userName) throws MapiException {
        exec("addGroupUser", sessionId, s -> groupAdmin.addUser(s, groupName, userName));
    }

    @Override
    public void deleteGroupUser(String sessionId, String groupName, String userName) throws MapiException {
        exec("deleteGroupUser", sessionId, s -> groupAdmin.removeUser(s, groupName, userName));
    }

    @Override
    public List<UserDetails> getUserListOfGroup(String sessionId, String groupName) throws MapiException {
        return call("getUserListOfGroup", sessionId, s -> Wire.map(groupAdmin.members(s, groupName), Wire::out));
    }

    // ---- the global address book ---------------------------------------------------------------

    @Override
    public List<org.zcp.api.soap.AddressEntry> getGlobalAddressBook(String sessionId) throws MapiException {
        return call("getGlobalAddressBook", sessionId, s -> Wire.map(gal.list(s), Wire::out));
    }

    @Override
    public List<org.zcp.api.soap.ResolvedName> resolveNames(String sessionId, List<String> names) throws MapiException {
        return call("resolveNames", sessionId, s -> Wire.map(gal.resolve(s, names), Wire::out));
    }

    @Override
    public List<String> getAddressLists(String sessionId) throws MapiException {
        return call("getAddressLists", sessionId, s -> gal.addressLists(s));
    }

    @Override
    public List<org.zcp.api.soap.AddressEntry> getAddressList(String sessionId, String name) throws MapiException {
        return call("getAddressList", sessionId, s -> Wire.map(gal.addressList(s, name), Wire::out));
    }

    @Override
    public List<org.zcp.api.soap.AddressContainer> getAddressBookHierarchy(String sessionId) throws MapiException {
        return call("getAddressBookHierarchy", sessionId, s -> Wire.map(gal.hierarchy(s), Wire::out));
    }

    @Override
    public List<org.zcp.api.soap.AddressEntry> getAddressContainer(String sessionId, String entryId) throws MapiException {
        return call("getAddressContainer", sessionId, s -> Wire.map(gal.contents(s, entryId), Wire::out));
    }

    @Override
    public org.zcp.api.soap.AddressEntry getAddressEntry(String sessionId, String entryId) throws MapiException {
        return call("getAddressEntry", sessionId, s -> Wire.out(gal.byEntryId(s, entryId)));
    }

    // ---- companies -----------------------------------------------------------------------------

    @Override
    public void createCompany(String sessionId, CompanyDetails company) throws MapiException {
        exec("createCompany", sessionId, s -> companyAdmin.create(s, Wire.in(company)));
    }

    @Override
    public void setCompany(String sessionId, String companyName, CompanyDetails company) throws MapiException {
        exec("setCompany", sessionId, s -> companyAdmin.update(s, companyName,
                company == null ? new org.zcp.store.api.admin.CompanyDetails() : Wire.in(company)));
    }

    @Override
    public CompanyDetails getCompany(String sessionId, String companyName) throws MapiException {
        return call("getCompany", sessionId, s -> Wire.out(companyAdmin.get(s, companyName)));
    }

    @Override
    public void deleteCompany(String sessionId, String companyName) throws MapiException {
        exec("deleteCompany", sessionId, s -> companyAdmin.delete(s, companyName));
    }

    @Override
    public List<CompanyDetails> getCompanyList(String sessionId) throws MapiException {
        return call("getCompanyList", sessionId, s -> Wire.map(companyAdmin.list(s), Wire::out));
    }

    @Override
    public void addCompanyToRemoteViewList(String sessionId, String viewer, String companyName) throws MapiException {
        exec("addCompanyToRemoteViewList", sessionId, s -> companyAdmin.addView(s, viewer, companyName));
    }

    @Override
    public void delCompanyFromRemoteViewList(String sessionId, String viewer, String companyName)
            throws MapiException {
        exec("delCompanyFromRemoteViewList", sessionId, s -> companyAdmin.delView(s, viewer, companyName));
    }

    @Override
    public List<CompanyDetails> getRemoteViewList(String sessionId, String companyName) throws MapiException {
        return call("getRemoteViewList", sessionId, s -> Wire.map(companyAdmin.viewList(s, companyName), Wire::out));
    }

    @Override
    public void addUserToRemoteAdminList(String sessionId, String userName, String companyName) throws MapiException {
        exec("addUserToRemoteAdminList", sessionId, s -> companyAdmin.addAdmin(s, userName, companyName));
    }

    @Override
    public void delUserFromRemoteAdminList(String sessionId, String userName, String companyName)
            throws MapiException {
        exec("delUserFromRemoteAdminList", sessionId, s -> companyAdmin.delAdmin(s, userName, companyName));
    }

    @Override
    public List<UserDetails> getRemoteAdminList(String sessionId, String companyName) throws MapiException {
        return call("getRemoteAdminList", sessionId, s -> Wire.map(companyAdmin.adminList(s, companyName), Wire::out));
    }
}
