package org.zcp.api.soap;

import jakarta.activation.DataHandler;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.jws.soap.SOAPBinding;
import jakarta.xml.bind.annotation.XmlMimeType;
import java.util.List;

/**
 * MAPI in SOAP (manual 1.4.1): the one interface every client of the server uses. Modelled on
 * the original's operation set (see docs/soap-api.md): every call after {@link #logon} takes the
 * session id first; errors are {@link MapiException} faults carrying MAPI error names. Object
 * references are hex entry ids.
 */
@WebService(name = "ZarafaCmd", targetNamespace = "urn:zarafa")
@SOAPBinding(style = SOAPBinding.Style.DOCUMENT, use = SOAPBinding.Use.LITERAL,
        parameterStyle = SOAPBinding.ParameterStyle.WRAPPED)
public interface ZarafaCmd {

    // ---- session -------------------------------------------------------------------------

    /** Password logon; {@code impersonate} opens the session as another user (admins only). */
    @WebMethod
    @WebResult(name = "result")
    LogonResult logon(@WebParam(name = "user") String user, @WebParam(name = "password") String password,
            @WebParam(name = "impersonate") String impersonate, @WebParam(name = "clientApp") String clientApp)
            throws MapiException;

    /**
     * Trusted local logon of a tool run by a user in {@code local_admin_users} (manual 6.1): the
     * caller proves it runs on the server host with the secret in the server's local admin
     * token file, readable only by the server's user and group.
     */
    @WebMethod
    @WebResult(name = "result")
    LogonResult localAdminLogon(@WebParam(name = "unixUser") String unixUser,
            @WebParam(name = "secret") String secret, @WebParam(name = "clientApp") String clientApp)
            throws MapiException;

    @WebMethod
    void logoff(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    // ---- stores --------------------------------------------------------------------------

    /** The private store of {@code userName}, or of the session's user when empty. */
    @WebMethod
    @WebResult(name = "store")
    StoreInfo getStore(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName)
            throws MapiException;

    /** The public store of the session user's company, or of {@code companyName}. */
    @WebMethod
    @WebResult(name = "store")
    StoreInfo getPublicStore(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    /** zarafa-admin -s [-I company]. */
    @WebMethod
    @WebResult(name = "store")
    StoreInfo createPublicStore(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    @WebMethod
    @WebResult(name = "store")
    StoreInfo createStore(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName)
            throws MapiException;

    @WebMethod
    @WebResult(name = "report")
    OrphanReport listOrphans(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    @WebMethod
    void removeStore(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "guid") String guid)
            throws MapiException;

    @WebMethod
    void hookStore(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "guid") String guid,
            @WebParam(name = "userName") String userName) throws MapiException;

    @WebMethod
    void unhookStore(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName)
            throws MapiException;

    // ---- folders -------------------------------------------------------------------------

    @WebMethod
    @WebResult(name = "table")
    TableResult queryHierarchy(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "folderId") String folderId, @WebParam(name = "query") TableQuery query)
            throws MapiException;

    @WebMethod
    @WebResult(name = "folderId")
    String createFolder(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "parentId") String parentId,
            @WebParam(name = "name") String name, @WebParam(name = "containerClass") String containerClass,
            @WebParam(name = "openIfExists") boolean openIfExists) throws MapiException;

    /** Copy or move a folder with its contents under {@code destParentId}, optionally renamed. */
    @WebMethod
    @WebResult(name = "folderId")
    String copyFolder(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "folderId") String folderId,
            @WebParam(name = "destParentId") String destParentId, @WebParam(name = "newName") String newName,
            @WebParam(name = "move") boolean move) throws MapiException;

    @WebMethod
    void deleteFolder(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "folderId") String folderId,
            @WebParam(name = "hard") boolean hard) throws MapiException;

    @WebMethod
    void emptyFolder(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "folderId") String folderId,
            @WebParam(name = "hard") boolean hard) throws MapiException;

    // ---- objects -------------------------------------------------------------------------

    @WebMethod
    @WebResult(name = "props")
    List<PropValue> getProps(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "objectId") String objectId, @WebParam(name = "tags") List<Integer> tags)
            throws MapiException;

    /** Set properties of a store, folder or message (PR_DISPLAY_NAME renames a folder). */
    @WebMethod
    void setProps(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "objectId") String objectId,
            @WebParam(name = "props") List<PropValue> props) throws MapiException;

    @WebMethod
    void deleteProps(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "objectId") String objectId,
            @WebParam(name = "tags") List<Integer> tags) throws MapiException;

    /**
     * Property ids (0x8500 and up, without type) of named properties; with {@code create} unknown
     * names get a new id, without it they come back as 0.
     */
    @WebMethod
    @WebResult(name = "propId")
    List<Integer> getIDsFromNames(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "names") List<NamedProp> names, @WebParam(name = "create") boolean create)
            throws MapiException;

    /** The names of property ids; an unknown id comes back as an entry without guid. */
    @WebMethod
    @WebResult(name = "name")
    List<NamedProp> getNamesFromIDs(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "propIds") List<Integer> propIds) throws MapiException;

    @WebMethod
    @WebResult(name = "messageId")
    String createMessage(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "folderId") String folderId,
            @WebParam(name = "message") Message message, @WebParam(name = "associated") boolean associated)
            throws MapiException;

    @WebMethod
    void saveMessage(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "messageId") String messageId,
            @WebParam(name = "message") Message message) throws MapiException;

    @WebMethod
    @WebResult(name = "message")
    Message loadMessage(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "messageId") String messageId)
            throws MapiException;

    /** The content of one attachment, streamed (MTOM above 64 KB). */
    @WebMethod
    @WebResult(name = "data")
    @XmlMimeType("application/octet-stream")
    DataHandler loadAttachment(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "messageId") String messageId, @WebParam(name = "attachNum") int attachNum)
            throws MapiException;

    /** Add or replace one attachment, its content streamed (MTOM); returns its number. */
    @WebMethod
    @WebResult(name = "attachNum")
    int saveAttachment(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "messageId") String messageId,
            @WebParam(name = "attachNum") int attachNum, @WebParam(name = "props") List<PropValue> props,
            @WebParam(name = "data") @XmlMimeType("application/octet-stream") DataHandler data)
            throws MapiException;

    @WebMethod
    @WebResult(name = "messageId")
    List<String> copyMessages(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "messageIds") List<String> messageIds, @WebParam(name = "destFolderId") String destFolderId,
            @WebParam(name = "move") boolean move) throws MapiException;

    /** Soft delete (hard = false) keeps the objects restorable until softdelete_lifetime passes. */
    @WebMethod
    void deleteMessages(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "messageIds") List<String> messageIds, @WebParam(name = "hard") boolean hard)
            throws MapiException;

    @WebMethod
    void setReadFlags(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "messageIds") List<String> messageIds, @WebParam(name = "read") boolean read)
            throws MapiException;

    /** Restore soft-deleted messages or folders (manual 7.5, 10.1). */
    @WebMethod
    void restoreObjects(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "objectIds") List<String> objectIds) throws MapiException;

    /** Contents table: columns, sort, restriction, paging; flags select associated or soft-deleted rows. */
    @WebMethod
    @WebResult(name = "table")
    TableResult queryContents(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "folderId") String folderId, @WebParam(name = "query") TableQuery query)
            throws MapiException;

    // ---- submit (manual 4.9) --------------------------------------------------------------

    /**
     * Queue a message for sending: it waits in the Outbox until the spooler has handed it to
     * smtp_server, then moves to Sent Items. Refused with MAPI_E_STORE_FULL over soft quota, with
     * MAPI_E_NO_ACCESS when its From is a user the session may not send as (manual 8.3.5).
     */
    @WebMethod
    void submitMessage(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "messageId") String messageId)
            throws MapiException;

    /** Take a submitted message out of the outgoing queue before it is sent. */
    @WebMethod
    void abortSubmit(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "messageId") String messageId)
            throws MapiException;

    @WebMethod
    @WebResult(name = "queued")
    boolean isMessageInQueue(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "messageId") String messageId) throws MapiException;

    // ---- rules (stored with the Inbox, run at delivery) ------------------------------------

    /** The server-side rules of an Inbox, in the order they run. */
    @WebMethod
    @WebResult(name = "rule")
    List<Rule> getRules(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "folderId") String folderId)
            throws MapiException;

    /** Replace the rules of an Inbox (owner or full access); an empty list removes them. */
    @WebMethod
    void setRules(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "folderId") String folderId,
            @WebParam(name = "rule") List<Rule> rules) throws MapiException;

    // ---- archives (manual 6.7) -------------------------------------------------------------

    /** zarafa-archiver -u user --attach-to archiveUser [--archive-folder folder]; administrators. */
    @WebMethod
    void attachArchive(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName,
            @WebParam(name = "archiveUser") String archiveUser, @WebParam(name = "folder") String folder)
            throws MapiException;

    @WebMethod
    void detachArchive(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName,
            @WebParam(name = "archiveUser") String archiveUser) throws MapiException;

    @WebMethod
    @WebResult(name = "archive")
    List<ArchiveInfo> listArchives(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "userName") String userName) throws MapiException;

    // ---- delivery ------------------------------------------------------------------------

    /**
     * Delivers an RFC 822 message to a user (zarafa-dagent, manual 5.4): the recipient is a login
     * name or an email address; {@code folder} a path below IPM_SUBTREE ("Inbox/Projects") or
     * empty for the Inbox, created when {@code create}. Trusted sessions (SYSTEM) only.
     */
    @WebMethod
    @WebResult(name = "result")
    DeliveryResult deliverMessage(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "recipient") String recipient, @WebParam(name = "envelopeFrom") String envelopeFrom,
            @WebParam(name = "rfc822") @XmlMimeType("application/octet-stream") DataHandler rfc822,
            @WebParam(name = "folder") String folder, @WebParam(name = "create") boolean create,
            @WebParam(name = "markRead") boolean markRead) throws MapiException;

    // ---- permissions and quota -----------------------------------------------------------

    @WebMethod
    @WebResult(name = "acl")
    List<AclEntry> getRights(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "objectId") String objectId) throws MapiException;

    /** Set (rights &gt; 0) or remove (rights = 0) the given entries; others stay. */
    @WebMethod
    void setRights(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "objectId") String objectId,
            @WebParam(name = "acl") List<AclEntry> acl) throws MapiException;

    @WebMethod
    @WebResult(name = "quota")
    QuotaStatus getQuotaStatus(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "userName") String userName) throws MapiException;

    @WebMethod
    @WebResult(name = "purged")
    int purgeSoftDelete(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "days") int days)
            throws MapiException;

    /**
     * zarafa-admin --sync (manual 8.5.1): the user plugin's directory read whole; new objects get
     * rows and stores, removed ones orphaned stores (unless user_safe_mode). The report's lines.
     */
    @WebMethod
    @WebResult(name = "line")
    List<String> syncDirectory(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    // ---- users ---------------------------------------------------------------------------

    @WebMethod
    @WebResult(name = "user")
    UserDetails createUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "user") UserDetails user)
            throws MapiException;

    /** Update a user; null fields stay as they are; a new userName renames. */
    @WebMethod
    void setUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName,
            @WebParam(name = "user") UserDetails user) throws MapiException;

    @WebMethod
    @WebResult(name = "user")
    UserDetails getUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName)
            throws MapiException;

    @WebMethod
    void deleteUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName)
            throws MapiException;

    @WebMethod
    @WebResult(name = "user")
    List<UserDetails> getUserList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    @WebMethod
    void setUserFeature(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName,
            @WebParam(name = "feature") String feature, @WebParam(name = "enabled") boolean enabled)
            throws MapiException;

    /** Users allowed to send as {@code userName} (zarafa-admin --list-sendas). */
    @WebMethod
    @WebResult(name = "user")
    List<UserDetails> getSendAsList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "userName") String userName) throws MapiException;

    /** Allow {@code delegate} to send as {@code userName} (zarafa-admin -u userName --add-sendas delegate). */
    @WebMethod
    void addSendAsUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName,
            @WebParam(name = "delegate") String delegate) throws MapiException;

    @WebMethod
    void delSendAsUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "userName") String userName,
            @WebParam(name = "delegate") String delegate) throws MapiException;

    // ---- groups --------------------------------------------------------------------------

    @WebMethod
    void createGroup(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "group") GroupDetails group)
            throws MapiException;

    @WebMethod
    void setGroup(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "groupName") String groupName,
            @WebParam(name = "group") GroupDetails group) throws MapiException;

    @WebMethod
    @WebResult(name = "group")
    GroupDetails getGroup(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "groupName") String groupName) throws MapiException;

    @WebMethod
    void deleteGroup(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "groupName") String groupName)
            throws MapiException;

    @WebMethod
    @WebResult(name = "group")
    List<GroupDetails> getGroupList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    @WebMethod
    void addGroupUser(@WebParam(name = "sessionId") String sessionId, @WebParam(name = "groupName") String groupName,
            @WebParam(name = "userName") String userName) throws MapiException;

    @WebMethod
    void deleteGroupUser(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "groupName") String groupName, @WebParam(name = "userName") String userName)
            throws MapiException;

    @WebMethod
    @WebResult(name = "user")
    List<UserDetails> getUserListOfGroup(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "groupName") String groupName) throws MapiException;

    // ---- the global address book (manual 8.5) --------------------------------------------

    /** Every entry the session may see: users, rooms, equipment, contacts, then groups; hidden ones left out. */
    @WebMethod
    @WebResult(name = "entry")
    List<AddressEntry> getGlobalAddressBook(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    /**
     * Names as typed in a recipient field, each resolved on the address book: an exact login
     * name, address or full name first, else entries whose names start with it.
     */
    @WebMethod
    @WebResult(name = "resolved")
    List<ResolvedName> resolveNames(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "name") List<String> names) throws MapiException;

    /** The address lists of the global address book (manual 5.2.6: sub-containers, each a filter's users). */
    @WebMethod
    @WebResult(name = "name")
    List<String> getAddressLists(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    /** The entries of one address list. */
    @WebMethod
    @WebResult(name = "entry")
    List<AddressEntry> getAddressList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "name") String name) throws MapiException;

    /**
     * The address book's containers (MAPI's hierarchy of the address book): the global address
     * book, in hosted mode one per company the session may see (its own first), and the address
     * lists below it.
     */
    @WebMethod
    @WebResult(name = "container")
    List<AddressContainer> getAddressBookHierarchy(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    /** The entries of one container of getAddressBookHierarchy, by its entry id (hex). */
    @WebMethod
    @WebResult(name = "entry")
    List<AddressEntry> getAddressContainer(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "entryId") String entryId) throws MapiException;

    /** One entry by its address-book entry id (hex), if the session may see it. */
    @WebMethod
    @WebResult(name = "entry")
    AddressEntry getAddressEntry(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "entryId") String entryId) throws MapiException;

    // ---- companies (multi-tenancy, manual 6.2) -------------------------------------------

    @WebMethod
    void createCompany(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "company") CompanyDetails company) throws MapiException;

    @WebMethod
    void setCompany(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName, @WebParam(name = "company") CompanyDetails company)
            throws MapiException;

    @WebMethod
    @WebResult(name = "company")
    CompanyDetails getCompany(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    @WebMethod
    void deleteCompany(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    @WebMethod
    @WebResult(name = "company")
    List<CompanyDetails> getCompanyList(@WebParam(name = "sessionId") String sessionId) throws MapiException;

    /** Let {@code viewer} see {@code companyName} (zarafa-admin --add-view viewer -I companyName). */
    @WebMethod
    void addCompanyToRemoteViewList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "viewer") String viewer, @WebParam(name = "companyName") String companyName)
            throws MapiException;

    @WebMethod
    void delCompanyFromRemoteViewList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "viewer") String viewer, @WebParam(name = "companyName") String companyName)
            throws MapiException;

    @WebMethod
    @WebResult(name = "company")
    List<CompanyDetails> getRemoteViewList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;

    @WebMethod
    void addUserToRemoteAdminList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "userName") String userName, @WebParam(name = "companyName") String companyName)
            throws MapiException;

    @WebMethod
    void delUserFromRemoteAdminList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "userName") String userName, @WebParam(name = "companyName") String companyName)
            throws MapiException;

    @WebMethod
    @WebResult(name = "user")
    List<UserDetails> getRemoteAdminList(@WebParam(name = "sessionId") String sessionId,
            @WebParam(name = "companyName") String companyName) throws MapiException;
}
