package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** A rule condition on a message header: it exists and, when {@code contains} is set, a value contains it. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "headerMatch")
public class HeaderMatch {
    public String name;
    /** Case-insensitive substring of a value of the header; absent: the header merely exists. */
    public String contains;

    public HeaderMatch() {
    }

    public HeaderMatch(String name, String contains) {
        this.name = name;
        this.contains = contains;
    }
}
