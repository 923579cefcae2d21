package org.zcp.tools.admin;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.CompanyDetails;
import org.zcp.api.soap.GroupDetails;
import org.zcp.api.soap.LogonResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.OrphanReport;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.QuotaStatus;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.TableResult;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * An in-memory server for the tools' tests: users, groups, companies and send-as lists in maps;
 * the message store calls are not needed by zarafa-admin and throw. Also publishable as a real
 * SOAP endpoint for client round trips.
 */
@WebService(endpointInterface = "org.zcp.api.soap.ZarafaCmd", targetNamespace = "urn:zarafa",
        serviceName = "ZarafaCmd", portName = "ZarafaCmdPort")
public class FakeZarafaCmd implements ZarafaCmd {
    public static final String SESSION = "session-1";

    public final Map<String, UserDetails> users = new LinkedHashMap<>();
    public final Map<String, String> passwords = new HashMap<>();
    public final Map<String, GroupDetails> groups = new LinkedHashMap<>();
    public final Map<String, List<String>> members = new LinkedHashMap<>();
    public final Map<String, List<String>> sendAs = new HashMap<>();
    public final Map<String, CompanyDetails> companies = new LinkedHashMap<>();
    public final Map<String, QuotaStatus> quota = new HashMap<>();
    public final Map<String, List<String>> remoteViewers = new HashMap<>();
    public final Map<String, List<String>> remoteAdmins = new HashMap<>();
    public OrphanReport orphans = new OrphanReport();
    /** Every mutating call, e.g. "hookStore GUID john". */
    public final List<String> calls = new ArrayList<>();
    public UserDetails lastUserUpdate;
    public CompanyDetails lastCompanyUpdate;
    public String lastLogon;
    public boolean loggedOff;

    public UserDetails addUser(String name, String fullName) {
        UserDetails u = new UserDetails();
        u.userName = name;
        u.fullName = fullName;
        u.email = name + "@example.com";
        u.active = true;
        u.adminLevel = 0;
        u.hidden = false;
        u.hasStore = true;
        users.put(name, u);
        return u;
    }

    public GroupDetails addGroup(String name, String... memberNames) {
        GroupDetails g = new GroupDetails();
        g.groupName = name;
        g.fullName = name;
        g.email = "";
        g.hidden = false;
        groups.put(name, g);
        members.put(name, new ArrayList<>(List.of(memberNames)));
        return g;
    }

    public CompanyDetails addCompany(String name, String admin) {
        CompanyDetails c = new CompanyDetails();
        c.companyName = name;
        c.adminName = admin;
        companies.put(name, c);
        return c;
    }

    private static MapiException notFound(String what) {
        return new MapiException(MapiError.MAPI_E_NOT_FOUND, what + " not found");
    }

    private static void check(String sessionId) throws MapiException {
        if (!SESSION.equals(sessionId)) {
            throw new MapiException(MapiError.MAPI_E_END_OF_SESSION, "session " + sessionId + " is not logged on");
        }
    }

    private UserDetails user(String name) throws MapiException {
        UserDetails u = users.get(name);
        if (u == null) {
            throw notFound("user " + name);
        }
        return u;
    }

    private GroupDetails group(String name) throws MapiException {
        GroupDetails g = groups.get(name);
        if (g == null) {
            throw notFound("group " + name);
        }
        return g;
    }

    private CompanyDetails company(String name) throws MapiException {
        CompanyDetails c = companies.get(name);
        if (c == null) {
            throw notFound("company " + name);
        }
        return c;
    }

    private static LogonResult session(String user) {
        LogonResult r = new LogonResult();
        r.sessionId = SESSION;
        r.userName = user;
        r.serverVersion = "7.1.0";
        return r;
    }

    // ---- session -------------------------------------------------------------------------

    @Override
    public LogonResult logon(String user, String password, String impersonate, String clientApp) throws MapiException {
        if (!Objects.equals(passwords.get(user), password)) {
            throw new MapiException(MapiError.MAPI_E_LOGON_FAILED, "wrong user name or password");
        }
        lastLogon = "logon " + user + " " + clientApp;
        return session(user);
    }

    @Override
    public LogonResult localAdminLogon(String unixUser, String secret, String clientApp) throws MapiException {
        if (!"s3cret".equals(secret)) {
            throw new MapiException(MapiError.MAPI_E_LOGON_FAILED, "wrong token");
        }
        lastLogon = "localAdminLogon " + unixUser + " " + clientApp;
        return session("SYSTEM");
    }

    @Override
    public void logoff(String sessionId) throws MapiException {
        check(sessionId);
        loggedOff = true;
    }

    // ---- stores --------------------------------------------------------------------------

    @Override
    public StoreInfo createPublicStore(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        calls.add("createPublicStore " + companyName);
        StoreInfo s = new StoreInfo();
        s.type = StoreInfo.PUBLIC;
        s.companyName = companyName;
        return s;
    }

    @Override
    public OrphanReport listOrphans(String sessionId) throws MapiException {
        check(sessionId);
        return orphans;
    }

    @Override
    public void removeStore(String sessionId, String guid) throws MapiException {
        check(sessionId);
        calls.add("removeStore " + guid);
    }

    @Override
    public void hookStore(String sessionId, String guid, String userName) throws MapiException {
        check(sessionId);
        user(userName);
        calls.add("hookStore " + guid + " " + userName);
    }

    @Override
    public void unhookStore(String sessionId, String userName) throws MapiException {
        check(sessionId);
        user(userName);
        calls.add("unhookStore " + userName);
    }

    @Override
    public QuotaStatus getQuotaStatus(String sessionId, String userName) throws MapiException {
        check(sessionId);
        user(userName);
        QuotaStatus q = quota.get(userName);
        if (q == null) {
            throw notFound("store of " + userName);
        }
        return q;
    }

    @Override
    public int purgeSoftDelete(String sessionId, int days) throws MapiException {
        check(sessionId);
        calls.add("purgeSoftDelete " + days);
        return 7;
    }

    // ---- users ---------------------------------------------------------------------------

    @Override
    public UserDetails createUser(String sessionId, UserDetails user) throws MapiException {
        check(sessionId);
        if (users.containsKey(user.userName)) {
            throw new MapiException(MapiError.MAPI_E_COLLISION, "user " + user.userName + " already exists");
        }
        users.put(user.userName, user);
        passwords.put(user.userName, user.password);
        calls.add("createUser " + user.userName);
        return user;
    }

    @Override
    public void setUser(String sessionId, String userName, UserDetails user) throws MapiException {
        check(sessionId);
        UserDetails u = user(userName);
        lastUserUpdate = user;
        if (user.userName != null) {
            users.remove(userName);
            u.userName = user.userName;
            users.put(u.userName, u);
        }
        if (user.password != null) {
            passwords.put(u.userName, user.password);
        }
        if (user.fullName != null) {
            u.fullName = user.fullName;
        }
        if (user.email != null) {
            u.email = user.email;
        }
        if (user.active != null) {
            u.active = user.active;
        }
        if (user.adminLevel != null) {
            u.adminLevel = user.adminLevel;
        }
        if (user.quotaOverride != null) {
            u.quotaOverride = user.quotaOverride;
        }
        if (user.quotaWarn != null) {
            u.quotaWarn = user.quotaWarn;
        }
        if (user.quotaSoft != null) {
            u.quotaSoft = user.quotaSoft;
        }
        if (user.quotaHard != null) {
            u.quotaHard = user.quotaHard;
        }
    }

    @Override
    public UserDetails getUser(String sessionId, String userName) throws MapiException {
        check(sessionId);
        return user(userName);
    }

    @Override
    public void deleteUser(String sessionId, String userName) throws MapiException {
        check(sessionId);
        user(userName);
        users.remove(userName);
        calls.add("deleteUser " + userName);
    }

    @Override
    public List<UserDetails> getUserList(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        return users.values().stream().filter(u -> companyName == null || companyName.equals(u.company)).toList();
    }

    @Override
    public void setUserFeature(String sessionId, String userName, String feature, boolean enabled)
            throws MapiException {
        check(sessionId);
        UserDetails u = user(userName);
        u.enabledFeatures.remove(feature);
        u.disabledFeatures.remove(feature);
        (enabled ? u.enabledFeatures : u.disabledFeatures).add(feature);
    }

    @Override
    public List<UserDetails> getSendAsList(String sessionId, String userName) throws MapiException {
        check(sessionId);
        user(userName);
        List<UserDetails> list = new ArrayList<>();
        for (String d : sendAs.getOrDefault(userName, List.of())) {
            list.add(user(d));
        }
        return list;
    }

    @Override
    public void addSendAsUser(String sessionId, String userName, String delegate) throws MapiException {
        check(sessionId);
        user(userName);
        user(delegate);
        sendAs.computeIfAbsent(userName, k -> new ArrayList<>()).add(delegate);
    }

    @Override
    public void delSendAsUser(String sessionId, String userName, String delegate) throws MapiException {
        check(sessionId);
        if (!sendAs.getOrDefault(userName, new ArrayList<>()).remove(delegate)) {
            throw notFound("send-as user " + delegate);
        }
    }

    // ---- groups --------------------------------------------------------------------------

    @Override
    public void createGroup(String sessionId, GroupDetails group) throws MapiException {
        check(sessionId);
        if (groups.containsKey(group.groupName)) {
            throw new MapiException(MapiError.MAPI_E_COLLISION, "group " + group.groupName + " already exists");
        }
        groups.put(group.groupName, group);
        members.put(group.groupName, new ArrayList<>());
    }

    @Override
    public void setGroup(String sessionId, String groupName, GroupDetails group) throws MapiException {
        check(sessionId);
        GroupDetails g = group(groupName);
        if (group.email != null) {
            g.email = group.email;
        }
        if (group.fullName != null) {
            g.fullName = group.fullName;
        }
    }

    @Override
    public GroupDetails getGroup(String sessionId, String groupName) throws MapiException {
        check(sessionId);
        return group(groupName);
    }

    @Override
    public void deleteGroup(String sessionId, String groupName) throws MapiException {
        check(sessionId);
        group(groupName);
        groups.remove(groupName);
        members.remove(groupName);
    }

    @Override
    public List<GroupDetails> getGroupList(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        return groups.values().stream().filter(g -> companyName == null || companyName.equals(g.company)).toList();
    }

    @Override
    public void addGroupUser(String sessionId, String groupName, String userName) throws MapiException {
        check(sessionId);
        group(groupName);
        user(userName);
        members.get(groupName).add(userName);
    }

    @Override
    public void deleteGroupUser(String sessionId, String groupName, String userName) throws MapiException {
        check(sessionId);
        group(groupName);
        if (!members.get(groupName).remove(userName)) {
            throw notFound("member " + userName);
        }
    }

    @Override
    public List<UserDetails> getUserListOfGroup(String sessionId, String groupName) throws MapiException {
        check(sessionId);
        group(groupName);
        List<UserDetails> list = new ArrayList<>();
        for (String m : members.get(groupName)) {
            list.add(user(m));
        }
        return list;
    }

    // ---- companies -----------------------------------------------------------------------

    @Override
    public void createCompany(String sessionId, CompanyDetails company) throws MapiException {
        check(sessionId);
        companies.put(company.companyName, company);
        lastCompanyUpdate = company;
    }

    @Override
    public void setCompany(String sessionId, String companyName, CompanyDetails company) throws MapiException {
        check(sessionId);
        CompanyDetails c = company(companyName);
        lastCompanyUpdate = company;
        if (company.adminName != null) {
            c.adminName = company.adminName;
        }
        if (company.quotaOverride != null) {
            c.quotaOverride = company.quotaOverride;
        }
        if (company.quotaWarn != null) {
            c.quotaWarn = company.quotaWarn;
        }
    }

    @Override
    public CompanyDetails getCompany(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        return company(companyName);
    }

    @Override
    public void deleteCompany(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        company(companyName);
        companies.remove(companyName);
    }

    /** Like a server without enable_hosted_zarafa when no company was added. */
    @Override
    public List<CompanyDetails> getCompanyList(String sessionId) throws MapiException {
        check(sessionId);
        if (companies.isEmpty()) {
            throw new MapiException(MapiError.MAPI_E_NO_SUPPORT, "multi-tenancy is not enabled");
        }
        return new ArrayList<>(companies.values());
    }

    @Override
    public void addCompanyToRemoteViewList(String sessionId, String viewer, String companyName) throws MapiException {
        check(sessionId);
        company(viewer);
        company(companyName);
        remoteViewers.computeIfAbsent(companyName, k -> new ArrayList<>()).add(viewer);
    }

    @Override
    public void delCompanyFromRemoteViewList(String sessionId, String viewer, String companyName)
            throws MapiException {
        check(sessionId);
        if (!remoteViewers.getOrDefault(companyName, new ArrayList<>()).remove(viewer)) {
            throw notFound("viewer " + viewer);
        }
    }

    @Override
    public List<CompanyDetails> getRemoteViewList(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        List<CompanyDetails> list = new ArrayList<>();
        for (String v : remoteViewers.getOrDefault(companyName, List.of())) {
            list.add(company(v));
        }
        return list;
    }

    @Override
    public void addUserToRemoteAdminList(String sessionId, String userName, String companyName)
            throws MapiException {
        check(sessionId);
        user(userName);
        company(companyName);
        remoteAdmins.computeIfAbsent(companyName, k -> new ArrayList<>()).add(userName);
    }

    @Override
    public void delUserFromRemoteAdminList(String sessionId, String userName, String companyName)
            throws MapiException {
        check(sessionId);
        if (!remoteAdmins.getOrDefault(companyName, new ArrayList<>()).remove(userName)) {
            throw notFound("administrator " + userName);
        }
    }

    @Override
    public List<UserDetails> getRemoteAdminList(String sessionId, String companyName) throws MapiException {
        check(sessionId);
        List<UserDetails> list = new ArrayList<>();
        for (String a : remoteAdmins.getOrDefault(companyName, List.of())) {
            list.add(user(a));
        }
        return list;
    }

    // ---- not used by zarafa-admin --------------------------------------------------------

    @Override
    public StoreInfo getStore(String sessionId, String userName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoreInfo getPublicStore(String sessionId, String companyName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public StoreInfo createStore(String sessionId, String userName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableResult queryHierarchy(String sessionId, String folderId, TableQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createFolder(String sessionId, String parentId, String name, String containerClass,
            boolean openIfExists) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String copyFolder(String sessionId, String folderId, String destParentId, String newName, boolean move) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteFolder(String sessionId, String folderId, boolean hard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void emptyFolder(String sessionId, String folderId, boolean hard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PropValue> getProps(String sessionId, String objectId, List<Integer> tags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setProps(String sessionId, String objectId, List<PropValue> props) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteProps(String sessionId, String objectId, List<Integer> tags) {
        throw new UnsupportedOperationException();
    }

    @Override
    public org.zcp.api.soap.DeliveryResult deliverMessage(String sessionId, String recipient, String envelopeFrom,
            jakarta.activation.DataHandler rfc822, String folder, boolean create, boolean markRead) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<Integer> getIDsFromNames(String sessionId, List<org.zcp.api.soap.NamedProp> names, boolean create) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.zcp.api.soap.NamedProp> getNamesFromIDs(String sessionId, List<Integer> propIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createMessage(String sessionId, String folderId, Message message, boolean associated) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void saveMessage(String sessionId, String messageId, Message message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Message loadMessage(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public DataHandler loadAttachment(String sessionId, String messageId, int attachNum) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int saveAttachment(String sessionId, String messageId, int attachNum, List<PropValue> props,
            DataHandler data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> copyMessages(String sessionId, List<String> messageIds, String destFolderId, boolean move) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void deleteMessages(String sessionId, List<String> messageIds, boolean hard) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setReadFlags(String sessionId, List<String> messageIds, boolean read) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.zcp.api.soap.Rule> getRules(String sessionId, String folderId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRules(String sessionId, String folderId, List<org.zcp.api.soap.Rule> rules) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void attachArchive(String sessionId, String userName, String archiveUser, String folder) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void detachArchive(String sessionId, String userName, String archiveUser) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<org.zcp.api.soap.ArchiveInfo> listArchives(String sessionId, String userName) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void submitMessage(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void abortSubmit(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isMessageInQueue(String sessionId, String messageId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void restoreObjects(String sessionId, List<String> objectIds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableResult queryContents(String sessionId, String folderId, TableQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AclEntry> getRights(String sessionId, String objectId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRights(String sessionId, String objectId, List<AclEntry> acl) {
        throw new UnsupportedOperationException();
    }
}
