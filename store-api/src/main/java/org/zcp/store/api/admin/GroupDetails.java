package org.zcp.store.api.admin;


public class GroupDetails {
    public String groupName;
    public String fullName;
    public String email;
    public Boolean hidden;
    public String company;
}
