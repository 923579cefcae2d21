package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "orphanStore")
public class OrphanStore {
    public String guid;
    public String guessedUserName;
    public long lastModified;
    public long size;
    public int type;
}
