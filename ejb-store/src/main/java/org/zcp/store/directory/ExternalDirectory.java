package org.zcp.store.directory;

import java.util.List;
import java.util.Optional;
import org.zcp.store.directory.UserPlugin.Kind;

/**
 * A directory the server only reads (LDAP or Active Directory, the Unix account files): what a
 * plugin built on {@link ExternalUserPlugin} asks of it. Every method may throw
 * {@link DirectoryUnavailableException} when the source cannot answer.
 */
public interface ExternalDirectory {
    /** Where the objects come from, for log lines and errors. */
    String describe();

    /** Every object of a kind under {@code base} (null: everywhere). */
    List<ExternalObject> list(Kind kind, String base);

    /** Objects of a kind whose name is {@code name} as the source compares (the caller picks the exact one). */
    List<ExternalObject> findByName(Kind kind, String name, String base);

    Optional<ExternalObject> byExternId(Kind kind, String externId);

    Optional<ExternalObject> byDn(String dn);

    /** Users, contacts and groups an address (primary or alias) names. */
    List<ExternalObject> byAddress(String address);

    /** Whether an object has its primary address in {@code domain}. */
    boolean hasAddressIn(String domain);

    /** Users, contacts and groups one of whose names or addresses starts with {@code text}, at most {@code limit}. */
    List<ExternalObject> search(String text, int limit);

    boolean authenticate(ExternalObject user, String password);

    /** The users and contacts a group reaches (nested groups followed, each once). */
    List<ExternalObject> members(ExternalObject group);

    /** The groups an object is in, nested groups followed upwards. */
    List<ExternalObject> groupsOf(ExternalObject member);

    /** The objects a relation's values name (send-as, company view/admin lists); none where the source has no relations. */
    List<ExternalObject> related(String relation, List<String> values, Kind kind, boolean groupsToo);

    /** The address lists (manual 5.2.6); none where the source has none. */
    default List<ExternalObject> addressLists() {
        return List.of();
    }

    /** The users and contacts an address list's filter finds. */
    default List<ExternalObject> addressListMembers(ExternalObject list) {
        return List.of();
    }
}
