package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "tableResult")
public class TableResult {
    /** Rows matching the restriction, before paging. */
    public int rowCount;
    public List<Row> rows = new ArrayList<>();
}
