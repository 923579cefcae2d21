package org.zcp.store.api.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * A user as zarafa-admin shows and edits it. On update, null fields are left unchanged. Quota
 * values are bytes.
 */
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
}
