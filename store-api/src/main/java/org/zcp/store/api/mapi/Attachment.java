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
    /**
     * The message an attachment of PR_ATTACH_METHOD 5 (ATTACH_EMBEDDED_MSG) holds as an object of
     * its own (an exception of a recurring appointment, a message attached by a MAPI client), with
     * its recipients and attachments; loaded with the message, saved with it. Null for any other
     * attachment, and for a message/rfc822 part delivered by mail, kept as its bytes.
     */
    public Message embedded;
}
