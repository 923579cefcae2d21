package org.zcp.store.api.mapi;


/**
 * A named property (MAPINAMEID): a property set GUID and either a numeric id (MNID_ID) or a name
 * (MNID_STRING). The server maps each to a property id from 0x8500 up, the same in every store.
 */
public class NamedProp {
    /** The property set GUID as 32 hex digits. */
    public String guid;
    public Integer id;
    public String name;

    public NamedProp() {
    }

    public static NamedProp ofId(String guid, int id) {
        NamedProp n = new NamedProp();
        n.guid = guid;
        n.id = id;
        return n;
    }

    public static NamedProp ofName(String guid, String name) {
        NamedProp n = new NamedProp();
        n.guid = guid;
        n.name = name;
        return n;
    }
}
