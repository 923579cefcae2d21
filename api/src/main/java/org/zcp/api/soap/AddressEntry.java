package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the global address book (manual 8.5: users, rooms, equipment, contacts, groups):
 * its address-book entry id (hex of PR_ENTRYID, the original's ABEID), what it is, its names, its
 * primary address and further addresses, and its company (empty outside hosted mode).
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "addressEntry")
public class AddressEntry {
    public static final String USER = "user";
    public static final String ROOM = "room";
    public static final String EQUIPMENT = "equipment";
    public static final String CONTACT = "contact";
    public static final String GROUP = "group";

    public String entryId;
    /** user, room, equipment, contact or group. */
    public String type;
    public String name;
    public String fullName;
    public String email;
    public List<String> aliases = new ArrayList<>();
    public String company;
    /** Groups: a security group (rights may be given to it) rather than a distribution list. */
    public boolean securityGroup;
}
