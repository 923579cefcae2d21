package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

public class TableResult {
    /** Rows matching the restriction, before paging. */
    public int rowCount;
    public List<Row> rows = new ArrayList<>();
}
