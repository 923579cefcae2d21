package org.zcp.store.dagent;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.delivery.DeliveryResult;
import org.zcp.store.StoreException;
import org.zcp.store.dagent.Deliveries;
import org.zcp.store.dagent.DeliveryService;

/**
 * Runs one delivery transaction and maps its outcome, failures included, to a DeliveryResult:
 * hard quota is permanent, an unknown recipient too, anything else temporary (the MTA retries).
 *
 * <p>What a message holds never gets here (security review #21): failures of derived work are
 * absorbed where they happen and the message is stored all the same, with the problem logged:
 * the MAPI conversion (MimeToMapi keeps an unconvertible message whole as an attachment, HTML to
 * text cannot fail), a mailet's change that cannot be written (MailboxWriter keeps the MTA's
 * bytes), rules that cannot be evaluated (InboxRules), a rule's folder that is gone (the Inbox), a
 * plugin failing on the message (Plugins), the autoresponder (ignored by the pipeline). What is
 * left is the store itself (database, spool file, archiving on delivery), for which a retry is
 * the right answer.
 */
public final class Deliveries {
    private static final Logger LOG = Logger.getLogger(Deliveries.class.getName());

    private Deliveries() {
    }

    /**
     * Delivers to an address: a user's (primary, alias or login name) gets one copy; a group's
     * address one copy for each user the group reaches (nested groups followed, each user once,
     * manual 8.5.2.2), each in its own transaction. For a group the outcome is a temporary failure
     * when any member's copy failed temporarily (the MTA delivers again, and the members who have
     * it already are not given a second copy: the same Message-ID is stored once a day), else
     * delivered; a member's permanent failure (full mailbox) is logged and reported in the detail.
     */
    public static DeliveryResult outcome(DeliveryService delivery, String recipient, String envelopeFrom, Path message,
            String folder, boolean create, boolean markRead) {
        java.util.List<String> members = delivery.groupRecipients(recipient);
        if (members == null) return one(delivery, recipient, envelopeFrom, message, folder, create, markRead);
        DeliveryResult all = new DeliveryResult();
        all.recipient = recipient;
        all.status = DeliveryResult.DELIVERED;
        java.util.List<String> problems = new java.util.ArrayList<>();
        int delivered = 0;
        for (String member : members) {
            DeliveryResult r = one(delivery, member, envelopeFrom, message, folder, create, markRead);
            if (r.status == DeliveryResult.DELIVERED) {
                delivered++;
            } else {
                problems.add(member + ": " + r.detail);
                LOG.warning("group " + recipient + ": no copy for " + member + ": " + r.detail);
                if (r.status == DeliveryResult.TEMPFAIL) all.status = DeliveryResult.TEMPFAIL;
            }
        }
        all.detail = "group " + recipient + ": " + delivered + " of " + members.size() + " members"
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems));
        return all;
    }

    private static DeliveryResult one(DeliveryService delivery, String recipient, String envelopeFrom, Path message,
            String folder, boolean create, boolean markRead) {
        try {
            return delivery.deliver(recipient, envelopeFrom, message, folder, create, markRead);
        } catch (RuntimeException e) {
            DeliveryResult r = new DeliveryResult();
            r.recipient = recipient;
            StoreException se = StoreException.in(e);
            if (se != null && se.error() == MapiError.MAPI_E_STORE_FULL) {
                r.status = DeliveryResult.QUOTA;
                r.detail = se.getMessage();
            } else if (se != null && se.error() == MapiError.MAPI_E_NOT_FOUND) {
                r.status = DeliveryResult.UNKNOWN;
                r.detail = se.getMessage();
            } else {
                // database down, timeout, anything unexpected: the MTA keeps the message and retries
                LOG.log(Level.WARNING, "delivery to " + recipient + " failed temporarily", e);
                r.status = DeliveryResult.TEMPFAIL;
                r.detail = se != null ? se.error() + ": " + se.getMessage() : "temporary failure, see the server log";
            }
            return r;
        }
    }
}
