package org.zcp.itests.matrix;

import org.zcp.api.mapi.Rights;

/**
 * The callers of the authorization matrix (a column each in access-matrix.tsv). The right-roles
 * hold exactly one MAPI right on the victim's shared folders; {@code grant} is what the fixture
 * gives them there.
 */
public enum Role {
    OWNER("owner", 0),
    OTHER("other", 0),
    VISIBLE("visible", Rights.FOLDER_VISIBLE),
    READ("read", Rights.READ_ANY),
    CREATE("create", Rights.CREATE),
    EDIT_OWN("editown", Rights.EDIT_OWNED),
    EDIT_ANY("editany", Rights.EDIT_ANY),
    DELETE_OWN("delown", Rights.DELETE_OWNED),
    DELETE_ANY("delany", Rights.DELETE_ANY),
    SUBFOLDER("subfolder", Rights.CREATE_SUBFOLDER),
    FOLDER_OWNER("folderowner", Rights.FOLDER_ACCESS),
    /** Outlook's delegate: Editor on the shared folders and on the victim's send-as list. */
    DELEGATE("delegate", Rights.ROLE_EDITOR),
    COMPANY_ADMIN("compadmin", 0),
    OTHER_ADMIN("otheradmin", 0),
    SYSTEM_ADMIN("sysadmin", 0),
    INACTIVE("inactive", 0);

    public final String column;
    public final int grant;

    Role(String column, int grant) {
        this.column = column;
        this.grant = grant;
    }

    /** Whether the role has every right on the victim's store without any ACL entry. */
    public boolean fullAccess() {
        return this == OWNER || this == COMPANY_ADMIN || this == SYSTEM_ADMIN;
    }

    public static Role ofColumn(String column) {
        for (Role r : values()) {
            if (r.column.equals(column)) return r;
        }
        throw new IllegalArgumentException("unknown role column '" + column + "'");
    }
}
