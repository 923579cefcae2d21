package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "row")
public class Row {
    public List<PropValue> props = new ArrayList<>();

    public Row() {
    }

    public Row(List<PropValue> props) {
        this.props = props;
    }
}
