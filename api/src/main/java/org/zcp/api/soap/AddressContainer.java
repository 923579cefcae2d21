package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * A container of the address book's hierarchy, as MAPI clients list them: a global address book
 * (in hosted mode one per company the session sees) and the address lists below it (manual
 * 5.2.6). Its entry id (hex, the original's ABEID of type MAPI_ABCONT) opens it with
 * getAddressContainer.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "addressContainer")
public class AddressContainer {
    public static final String GAL = "gal";
    public static final String COMPANY = "company";
    public static final String ADDRESS_LIST = "addresslist";

    public String entryId;
    public String name;
    /** gal, company or addresslist. */
    public String type;
    /** 0 for a global address book, 1 for an address list below it. */
    public int depth;
}
