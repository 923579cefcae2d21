package org.zcp.store.directory;

import java.util.Map;
import org.zcp.api.mapi.ObjectClass;

/**
 * A user, group or company as the user plugin describes it, under its local id (users.id).
 * {@code props} holds the plugin's and the server's attributes by name (see {@link Attr}).
 */
public record DirEntry(long id, String externId, ObjectClass objectClass, long companyId, Map<String, String> props) {

    public String name() {
        return props.getOrDefault(Attr.NAME, "");
    }

    public String fullName() {
        return props.getOrDefault(Attr.FULLNAME, "");
    }

    public String email() {
        return props.getOrDefault(Attr.EMAIL, "");
    }

    public int adminLevel() {
        return intProp(Attr.ADMIN);
    }

    public boolean hidden() {
        return "1".equals(props.get(Attr.HIDDEN));
    }

    public boolean isUser() {
        return objectClass.isUser();
    }

    public boolean isGroup() {
        return objectClass.isGroup();
    }

    public boolean isCompany() {
        return objectClass.isCompany();
    }

    public boolean active() {
        return objectClass == ObjectClass.ACTIVE_USER;
    }

    public String prop(String name) {
        return props.get(name);
    }

    public long longProp(String name) {
        String v = props.get(name);
        if (v == null || v.isEmpty()) return 0;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public int intProp(String name) {
        return (int) longProp(name);
    }

    public boolean boolProp(String name) {
        return "1".equals(props.get(name));
    }
}
