package org.zcp.ical;

import org.zcp.store.api.mapi.Message;

/**
 * vCard (RFC 6350, and 3.0 of RFC 2426 as clients still send) to MAPI contacts (IPM.Contact) and back.
 *
 * <p>MAPI keeps names, up to three e-mail addresses (PidLidEmail1..3), one number per Outlook
 * phone slot, one work, home and other address, organisation, title, role, birthday,
 * anniversary, two web pages, the note, categories (Keywords), the nickname and the first PHOTO
 * (an attachment marked PR_ATTACHMENT_CONTACTPHOTO, PidLidHasPicture set). The UID is kept as
 * given in {@code urn:zcp:ical:uid}; every other property (a fourth e-mail address, numbers beyond
 * the slots, addresses with an extended part, IMPP, X- properties, partial dates, REV, ...) is
 * kept as vCard text in {@code urn:zcp:ical:extra} and written back. Dates are midnight UTC of
 * the day. A vCard without UID converts with a null {@link Parsed#uid()}.
 */
public final class VCards {
    private VCards() {
    }

    /** Converts one vCard; ICalException (VALID_ADDRESS_DATA) when it is not one or cannot be converted. */
    public static Parsed parse(String text, NamedIds ids) {
        return ContactReader.read(text, ids);
    }

    /** The vCard (version 3.0 or 4.0 as asked) of a stored contact. */
    public static String render(Message message, NamedIds ids, String version) {
        return ContactWriter.render(message, ids, version);
    }
}
