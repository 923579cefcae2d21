package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * A user as zarafa-admin shows and edits it. On update, null fields are left unchanged; the
 * read-only ones (last logon and logoff, store size, hasStore, groups, features, resource type
 * and capacity) are ignored. Quota values are bytes.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "userDetails")
public class UserDetails {
    public String userName;
    /** Only on create/update; never returned. */
    public String password;
    public String fullName;
    public String email;
    public Boolean active;
    /** 0 none, 1 company administrator, 2 system administrator. */
    public Integer adminLevel;
    public Boolean hidden;
    public String company;
    public Boolean quotaOverride;
    public Long quotaWarn;
    public Long quotaSoft;
    public Long quotaHard;
    public Long lastLogon;
    public Long lastLogoff;
    public Long storeSize;
    public Boolean hasStore;
    public List<String> groups = new ArrayList<>();
    public List<String> enabledFeatures = new ArrayList<>();
    public List<String> disabledFeatures = new ArrayList<>();
    /**
     * Read-only: "room" or "equipment" for a resource (object class NONACTIVE_ROOM or
     * NONACTIVE_EQUIPMENT, manual 8.8), null for other users.
     */
    public String resourceType;
    /** Read-only: how many a room or piece of equipment serves at once (1 unless set); null for other users. */
    public Integer resourceCapacity;
    /**
     * Manual 8.8 ({@code zarafa-admin --mr-accept}): the store answers meeting requests itself.
     * This and the two below are kept on the store's LocalFreebusy message, as Outlook keeps
     * them; null when the user has no store (or the details are not the caller's to see).
     */
    public Boolean mrAccept;
    /** Manual 8.8 ({@code --mr-decline-conflict}): with mrAccept, requests that overlap a meeting are declined. */
    public Boolean mrDeclineConflict;
    /** Manual 8.8 ({@code --mr-decline-recurring}): with mrAccept, recurring meetings are declined. */
    public Boolean mrDeclineRecurring;
}
