package org.zcp.plugin;

import java.util.Optional;
import org.apache.mailet.Attribute;
import org.apache.mailet.AttributeName;
import org.apache.mailet.AttributeValue;
import org.apache.mailet.Mail;

/** The mail attributes our pipelines pass between mailets and back to their callers. */
public final class MailAttributes {
    /** The directory id of the store owner a delivery is for (Long). */
    public static final AttributeName USER = AttributeName.of("zarafa.user");
    /** The target folder path below IPM_SUBTREE (zarafa-dagent -F), absent for the Inbox. */
    public static final AttributeName FOLDER = AttributeName.of("zarafa.folder");
    /** The target folder's entry id (a rule's move); wins over FOLDER. */
    public static final AttributeName FOLDER_ID = AttributeName.of("zarafa.folder.id");
    /** A folder path in the company's public store (the move-to-public plugin); wins over all. */
    public static final AttributeName PUBLIC_FOLDER = AttributeName.of("zarafa.public.folder");
    /** Create the target folder when missing (zarafa-dagent -C). */
    public static final AttributeName CREATE = AttributeName.of("zarafa.folder.create");
    /** Store the message as read (zarafa-dagent -r, a rule's "mark as read"). */
    public static final AttributeName READ = AttributeName.of("zarafa.read");
    /** The spam filter marked it: Junk E-mail, and no autoreply. */
    public static final AttributeName JUNK = AttributeName.of("zarafa.junk");
    /** Folder entry ids a rule copies the message to, one per line. */
    public static final AttributeName COPIES = AttributeName.of("zarafa.copies");
    /** The MAPI message class the stored message gets (IPM.Schedule.Meeting.Request, ...), when not IPM.Note. */
    public static final AttributeName MESSAGE_CLASS = AttributeName.of("zarafa.message.class");
    /** The text/calendar part of a meeting mail the calendar acted on: its meeting properties are stored with it. */
    public static final AttributeName MEETING = AttributeName.of("zarafa.meeting");
    /** The path of the message as the MTA sent it. */
    public static final AttributeName RFC822 = AttributeName.of("zarafa.rfc822");
    /** Set by delivery: the entry id of the stored message. */
    public static final AttributeName DELIVERED = AttributeName.of("zarafa.delivered");
    /** Set when a mailet (a rule) dropped the message on purpose: the reason. */
    public static final AttributeName DISCARDED = AttributeName.of("zarafa.discarded");
    /** Set by the SMTP relay: the per-recipient outcome (SmtpOutcome, not serialisable). */
    public static final AttributeName SMTP_OUTCOME = AttributeName.of("zarafa.smtp.outcome");

    private MailAttributes() {
    }

    public static Optional<String> string(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value)
                .filter(String.class::isInstance).map(String.class::cast);
    }

    public static boolean flag(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value)
                .map(v -> Boolean.TRUE.equals(v)).orElse(false);
    }

    public static Optional<Long> number(Mail mail, AttributeName name) {
        return mail.getAttribute(name).map(Attribute::getValue).map(AttributeValue::value)
                .filter(Number.class::isInstance).map(v -> ((Number) v).longValue());
    }

    public static void set(Mail mail, AttributeName name, String value) {
        mail.setAttribute(new Attribute(name, AttributeValue.of(value)));
    }

    public static void set(Mail mail, AttributeName name, boolean value) {
        mail.setAttribute(new Attribute(name, AttributeValue.of(value)));
    }

    public static void set(Mail mail, AttributeName name, long value) {
        mail.setAttribute(new Attribute(name, AttributeValue.of(value)));
    }
}
