package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** A recipient row: PR_RECIPIENT_TYPE, PR_DISPLAY_NAME, PR_EMAIL_ADDRESS, PR_ADDRTYPE, PR_SMTP_ADDRESS, .... */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "recipient")
public class Recipient {
    public List<PropValue> props = new ArrayList<>();
}
