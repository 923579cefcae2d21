package org.zcp.webaccess.compose;

import java.util.List;
import org.zcp.webaccess.mail.Address;

/**
 * A message being written, as the compose form sends it (docs/webaccess.md): recipients, subject,
 * body (HTML or plain text), importance, uploaded files, attachments kept from the draft it
 * replaces or the message it forwards, and what it answers; {@code from} (null: the user) the
 * address of a user the message is sent for (on behalf of, as their delegate, or as them with the
 * send-as right: the server decides, manual 8.3.5).
 */
public record Draft(String draftId, List<Address> to, List<Address> cc, List<Address> bcc, String subject, String body,
        Boolean html, Integer importance, List<String> uploads, List<Integer> keepAttachments, String inReplyTo,
        String forwardOf, String action, Address from) {
}
