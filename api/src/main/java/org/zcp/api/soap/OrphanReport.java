package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** zarafa-admin --list-orphans: stores without users and users without stores. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "orphanReport")
public class OrphanReport {
    public List<OrphanStore> stores = new ArrayList<>();
    public List<String> usersWithoutStore = new ArrayList<>();
}
