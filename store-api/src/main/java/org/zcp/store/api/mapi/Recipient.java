package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

/** A recipient row: PR_RECIPIENT_TYPE, PR_DISPLAY_NAME, PR_EMAIL_ADDRESS, PR_ADDRTYPE, PR_SMTP_ADDRESS, .... */
public class Recipient {
    public List<PropValue> props = new ArrayList<>();
}
