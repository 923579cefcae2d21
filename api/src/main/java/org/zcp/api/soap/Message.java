package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** A whole message as loadObject/saveObject move it: properties, recipients and attachments. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "message")
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
