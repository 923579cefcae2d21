package org.zcp.api.mapi;

import java.util.ArrayList;
import java.util.List;

/** MAPI folder rights (ecRights*) as stored in ACL entries. */
public final class Rights {
    public static final int READ_ANY = 0x1;
    public static final int CREATE = 0x2;
    public static final int EDIT_OWNED = 0x8;
    public static final int DELETE_OWNED = 0x10;
    public static final int EDIT_ANY = 0x20;
    public static final int DELETE_ANY = 0x40;
    public static final int CREATE_SUBFOLDER = 0x80;
    public static final int FOLDER_ACCESS = 0x100;
    public static final int CONTACT = 0x200;
    public static final int FOLDER_VISIBLE = 0x400;
    /** Free/busy simple and detailed (Outlook 2007 extension bits). */
    public static final int FREEBUSY_SIMPLE = 0x800;
    public static final int FREEBUSY_DETAILED = 0x1000;
    public static final int ALL = 0x5FB;
    public static final int NONE = 0;

    /** Outlook role presets. */
    public static final int ROLE_OWNER = ALL;
    public static final int ROLE_EDITOR = READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | EDIT_ANY | DELETE_ANY
            | FOLDER_VISIBLE;
    public static final int ROLE_AUTHOR = READ_ANY | CREATE | EDIT_OWNED | DELETE_OWNED | FOLDER_VISIBLE;
    public static final int ROLE_REVIEWER = READ_ANY | FOLDER_VISIBLE;

    private Rights() {
    }

    public static String describe(int rights) {
        List<String> names = new ArrayList<>();
        if ((rights & READ_ANY) != 0) names.add("read");
        if ((rights & CREATE) != 0) names.add("create");
        if ((rights & EDIT_OWNED) != 0) names.add("edit-owned");
        if ((rights & DELETE_OWNED) != 0) names.add("delete-owned");
        if ((rights & EDIT_ANY) != 0) names.add("edit");
        if ((rights & DELETE_ANY) != 0) names.add("delete");
        if ((rights & CREATE_SUBFOLDER) != 0) names.add("create-subfolder");
        if ((rights & FOLDER_ACCESS) != 0) names.add("owner");
        if ((rights & CONTACT) != 0) names.add("contact");
        if ((rights & FOLDER_VISIBLE) != 0) names.add("visible");
        return String.join(",", names);
    }
}
