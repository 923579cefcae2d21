package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

/**
 * An attachment: its properties and, when loading, its size; {@code data} carries the content
 * when saving. Loading leaves it empty: large content is fetched by {@code loadAttachment}, which
 * streams it (MTOM).
 */
public class Attachment {
    public int attachNum;
    public List<PropValue> props = new ArrayList<>();
    public byte[] data;
    public long size;
}
