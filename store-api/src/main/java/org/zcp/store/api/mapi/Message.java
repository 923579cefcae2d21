package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

/** A whole message: properties, recipients and attachments (what a save writes and a load reads). */
public class Message {
    /** Entry id (hex); set by the server. */
    public String entryId;
    public String parentId;
    public List<PropValue> props = new ArrayList<>();
    /** On save: null keeps the recipients, a list (even empty) replaces them. */
    public List<Recipient> recipients;
    /** On save: null keeps the attachments, a list (even empty) replaces them. */
    public List<Attachment> attachments;
}
