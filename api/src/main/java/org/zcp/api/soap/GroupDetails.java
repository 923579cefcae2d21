package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "groupDetails")
public class GroupDetails {
    public String groupName;
    public String fullName;
    public String email;
    public Boolean hidden;
    public String company;
}
