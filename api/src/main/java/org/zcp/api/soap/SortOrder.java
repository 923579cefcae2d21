package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "sortOrder")
public class SortOrder {
    public int tag;
    public boolean descending;

    public SortOrder() {
    }

    public SortOrder(int tag, boolean descending) {
        this.tag = tag;
        this.descending = descending;
    }
}
