package org.zcp.store.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zcp.api.mapi.ObjectClass;

/**
 * The user plugin SPI (manual 4.4): where users, groups and companies come from. Plugins return
 * entries under local ids; a plugin backed by an external directory (unix, ldap) maps its
 * external ids to rows of the users table just in time (manual 8.5.1). Attributes the plugin does
 * not own (quota, admin level, features, ...) are kept by the server and merged in by
 * {@link Directory}.
 */
public interface UserPlugin {
    /** Kinds of directory objects a lookup asks for. */
    enum Kind {
        USER, GROUP, COMPANY
    }

    /** "db", "unix", "ldap" or "ldapms". */
    String name();

    /** Whether users, groups and companies can be created and changed through the server. */
    boolean writable();

    /** Attribute names the plugin owns; others are stored by the server for any plugin. */
    java.util.Set<String> ownedAttributes();

    Optional<DirEntry> find(Kind kind, String name, long companyId);

    /**
     * Like {@link #find}, but names differing only in case match too: names are case sensitive
     * (manual 8.3.1), yet a new name that differs from an existing one only in case is refused,
     * as users would mistake one for the other.
     */
    Optional<DirEntry> findIgnoringCase(Kind kind, String name, long companyId);

    /**
     * Users, contacts and groups (of every company) one of whose names or addresses starts with
     * {@code text}, compared without case, at most {@code limit}: the candidates of a name typed
     * in a recipient field (ResolveNames), found without listing the whole address book.
     */
    List<DirEntry> search(String text, int limit);

    Optional<DirEntry> get(long id);

    /** All objects of a kind; companyId -1 means every company. */
    List<DirEntry> list(Kind kind, long companyId);

    /**
     * The user or group an address (primary or alias) names, for plugins whose objects are not all
     * in the server's database yet (ldap: met for the first time by a delivery); empty otherwise.
     */
    default Optional<DirEntry> findByAddress(String address) {
        return Optional.empty();
    }

    /** Whether some object of the plugin has an address in this domain that the database does not know yet. */
    default boolean servesDomain(String domain) {
        return false;
    }

    /**
     * The names of the address lists (manual 5.2.6, 8.5.2.6: sub-containers of the global address
     * book, each the users a filter finds); none for plugins without them.
     */
    default List<String> addressListNames() {
        return List.of();
    }

    /** The users of an address list; empty when there is no such list. */
    default Optional<List<DirEntry>> addressListMembers(String name) {
        return Optional.empty();
    }

    /** Whether the password is right; false for unknown users. */
    boolean authenticate(long userId, String password);

    /**
     * The user has just logged on with a password another party checked (Elytron's ldap-realm):
     * whatever the plugin brings up to date at its own password check happens here (the groups an
     * LDAP user is in). Nothing for plugins that keep no copy.
     */
    default void loggedOn(long userId) {
    }

    /** Groups the user is a direct member of (without Everyone). */
    List<Long> groupsOf(long userId);

    List<Long> membersOf(long groupId);

    // ---- writable plugins only -------------------------------------------------------------

    long create(ObjectClass objectClass, long companyId, Map<String, String> attributes);

    /** Set attributes; a null value removes one. */
    void update(long id, Map<String, String> attributes);

    void delete(long id);

    void addMember(long groupId, long userId);

    void removeMember(long groupId, long userId);
}
