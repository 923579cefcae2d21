package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

public class Row {
    public List<PropValue> props = new ArrayList<>();

    public Row() {
    }

    public Row(List<PropValue> props) {
        this.props = props;
    }
}
