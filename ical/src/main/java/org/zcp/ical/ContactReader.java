package org.zcp.ical;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Address;
import ezvcard.property.Categories;
import ezvcard.property.DateOrTimeProperty;
import ezvcard.property.Email;
import ezvcard.property.Photo;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import org.zcp.api.mapi.PropTag;
import org.zcp.ical.ICalException.Precondition;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;

/**
 * A vCard to an IPM.Contact (MS-OXOCNTC). The properties taken into MAPI are removed from the card;
 * what is left (more numbers than Outlook has slots, IMPP, X- properties, REV, ...) is kept as
 * vCard text in {@code urn:zcp:ical:extra} and written back by {@link ContactWriter}.
 */
final class ContactReader {
    private ContactReader() {
    }

    static Parsed read(String text, NamedIds ids) {
        if (text == null || !text.stripLeading().regionMatches(true, 0, "BEGIN:VCARD", 0, 11)) {
            throw invalid("not vCard data: it does not begin with BEGIN:VCARD");
        }
        List<VCard> cards;
        try {
            cards = Ezvcard.parse(text).all();
        } catch (RuntimeException e) {
            throw invalid("vCard data cannot be parsed: " + e);
        }
        if (cards.isEmpty()) throw invalid("no vCard in the data");
        if (cards.size() > 1) throw invalid("an address object resource holds one vCard, not " + cards.size());
        VCard v = cards.get(0);
        StructuredName n = v.getStructuredName();
        String fn = v.getFormattedName() == null ? null : blankToNull(v.getFormattedName().getValue());
        boolean hasN = n != null && (blankToNull(n.getFamily()) != null || blankToNull(n.getGiven()) != null);
        if (fn == null && !hasN) throw invalid("the vCard has neither FN nor N");

        Message m = new Message();
        m.recipients = new ArrayList<>();
        m.attachments = new ArrayList<>();
        Props p = new Props(m.props, ids);
        p.str(PropTag.PR_MESSAGE_CLASS, ItemKind.CONTACT.messageClass());
        String uid = v.getUid() == null ? null : blankToNull(v.getUid().getValue());
        p.str(Names.UID, uid);
        if (v.getUid() != null) v.removeProperty(v.getUid());
        if (n != null) {
            p.str(Tags.PR_SURNAME, n.getFamily());
            p.str(Tags.PR_GIVEN_NAME, n.getGiven());
            p.str(Tags.PR_MIDDLE_NAME, String.join(" ", n.getAdditionalNames()));
            p.str(Tags.PR_DISPLAY_NAME_PREFIX, String.join(" ", n.getPrefixes()));
            p.str(Tags.PR_GENERATION, String.join(" ", n.getSuffixes()));
            v.removeProperty(n);
        }
        String display = fn != null ? fn : String.join(" ", nonBlank(n.getGiven(), n.getFamily()));
        p.str(PropTag.PR_DISPLAY_NAME, display);
        if (v.getFormattedName() != null) v.removeProperty(v.getFormattedName());
        String family = n == null ? null : blankToNull(n.getFamily());
        String given = n == null ? null : blankToNull(n.getGiven());
        p.str(Names.FILE_UNDER, family != null && given != null ? family + ", " + given : display);

        if (v.getNickname() != null && !v.getNickname().getValues().isEmpty()) {
            p.str(Tags.PR_NICKNAME, v.getNickname().getValues().get(0));
            v.removeProperty(v.getNickname());
        }
        if (v.getOrganization() != null) {
            List<String> org = v.getOrganization().getValues();
            if (!org.isEmpty()) p.str(Tags.PR_COMPANY_NAME, org.get(0));
            if (org.size() > 1) p.str(Tags.PR_DEPARTMENT_NAME, org.get(1));
            if (org.size() <= 2) v.removeProperty(v.getOrganization());
        }
        if (!v.getTitles().isEmpty()) {
            p.str(Tags.PR_TITLE, v.getTitles().get(0).getValue());
            v.removeProperty(v.getTitles().get(0));
        }
        if (!v.getRoles().isEmpty()) {
            p.str(Tags.PR_PROFESSION, v.getRoles().get(0).getValue());
            v.removeProperty(v.getRoles().get(0));
        }
        emails(v, p, display);
        for (Telephone t : new ArrayList<>(v.getTelephoneNumbers())) {
            String num = ContactSlots.number(t);
            if (num == null) continue;
            for (int tag : ContactSlots.phoneSlots(t)) {
                if (p.get(tag) == null) {
                    p.str(tag, num);
                    v.removeProperty(t);
                    break;
                }
            }
        }
        for (Address a : new ArrayList<>(v.getAddresses())) {
            ContactSlots.AddressSlot slot = ContactSlots.addressSlot(a);
            String[] parts = ContactSlots.parts(a);
            boolean taken = false;
            for (int i = 0; i < parts.length; i++) taken |= slot.get(p, i) != null;
            if (taken || blankToNull(a.getExtendedAddress()) != null) continue;
            for (int i = 0; i < parts.length; i++) slot.put(p, i, parts[i]);
            if (slot == ContactSlots.WORK) {
                p.str(Names.WORK_ADDRESS, String.join("\n", nonBlank(parts[0], String.join(" ",
                        nonBlank(parts[3], parts[1], parts[2])), parts[4])));
            }
            v.removeProperty(a);
        }
        date(v.getBirthday(), p, Tags.PR_BIRTHDAY, v);
        date(v.getAnniversary(), p, Tags.PR_WEDDING_ANNIVERSARY, v);
        RawProperty xAnniversary = v.getExtendedProperty("X-ANNIVERSARY");
        if (xAnniversary != null && p.get(Tags.PR_WEDDING_ANNIVERSARY) == null) {
            try {
                p.time(Tags.PR_WEDDING_ANNIVERSARY, LocalDate.parse(xAnniversary.getValue().trim().replace("-", ""),
                        Lines.DATE).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
                v.removeProperty(xAnniversary);
            } catch (RuntimeException e) {
                // kept as it came, in the extra text
            }
        }
        for (Url u : new ArrayList<>(v.getUrls())) {
            int tag = "home".equalsIgnoreCase(u.getType()) ? Tags.PR_PERSONAL_HOME_PAGE : Tags.PR_BUSINESS_HOME_PAGE;
            if (p.get(tag) == null && u.getValue() != null) {
                p.str(tag, u.getValue());
                v.removeProperty(u);
            }
        }
        if (!v.getNotes().isEmpty()) {
            p.str(PropTag.PR_BODY, v.getNotes().get(0).getValue());
            v.removeProperty(v.getNotes().get(0));
        }
        Set<String> categories = new LinkedHashSet<>();
        for (Categories c : new ArrayList<>(v.getCategoriesList())) {
            for (String s : c.getValues()) {
                if (!s.isBlank()) categories.add(s.strip());
            }
            v.removeProperty(c);
        }
        if (!categories.isEmpty()) p.put(PropValue.ofStrings(p.tag(Names.KEYWORDS), new ArrayList<>(categories)));
        photo(v, p, m);
        if (v.getProductId() != null) v.removeProperty(v.getProductId());
        if (!v.getProperties().isEmpty()) {
            VCardVersion version = v.getVersion() == VCardVersion.V4_0 ? VCardVersion.V4_0 : VCardVersion.V3_0;
            p.str(Names.EXTRA, Ezvcard.write(v).version(version).prodId(false).go());
        }
        return new Parsed(uid, ItemKind.CONTACT, m);
    }

    /** The first three EMAILs as PidLidEmail1..3 (MS-OXOCNTC 2.2.1.2), "SMTP" address type. */
    private static void emails(VCard v, Props p, String display) {
        int slot = 0;
        for (Email e : new ArrayList<>(v.getEmails())) {
            if (slot >= 3) break;
            String addr = blankToNull(e.getValue());
            if (addr == null) continue;
            Names.Named[] names = Names.EMAIL[slot];
            p.str(names[Names.EMAIL_ADDRESS], addr);
            p.str(names[Names.EMAIL_ADDRESS_TYPE], "SMTP");
            p.str(names[Names.EMAIL_DISPLAY_NAME], display + " (" + addr + ")");
            p.str(names[Names.EMAIL_ORIGINAL_DISPLAY_NAME], addr);
            v.removeProperty(e);
            slot++;
        }
        if (slot > 0) {
            List<Long> list = new ArrayList<>();
            long bits = 0;
            for (int i = 0; i < slot; i++) {
                list.add((long) i);
                bits |= 1L << i;
            }
            PropValue pv = new PropValue();
            pv.tag = p.tag(Names.AB_PROVIDER_EMAIL_LIST);
            pv.mvl = list;
            p.put(pv);
            p.num(Names.AB_PROVIDER_ARRAY_TYPE, bits);
        }
    }

    /** BDAY and ANNIVERSARY with a full date, as midnight UTC of that date; partial ones stay in the extra text. */
    private static void date(DateOrTimeProperty d, Props p, int tag, VCard v) {
        if (d == null || d.getDate() == null) return;
        Temporal t = d.getDate();
        if (!t.isSupported(ChronoField.EPOCH_DAY)) return;
        LocalDate day = LocalDate.ofEpochDay(t.getLong(ChronoField.EPOCH_DAY));
        p.time(tag, day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        v.removeProperty(d);
    }

    /** The first PHOTO with data as the attachment Outlook shows as the contact's picture. */
    private static void photo(VCard v, Props p, Message m) {
        for (Photo ph : new ArrayList<>(v.getPhotos())) {
            if (ph.getData() == null || ph.getData().length == 0) continue;
            String mime = ph.getContentType() != null && ph.getContentType().getMediaType() != null
                    ? ph.getContentType().getMediaType().toLowerCase(Locale.ROOT) : sniff(ph.getData());
            String ext = mime.endsWith("png") ? ".png" : mime.endsWith("gif") ? ".gif" : ".jpg";
            Attachment a = new Attachment();
            a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, Tags.ATTACH_BY_VALUE));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_FILENAME, "ContactPicture" + ext));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, "ContactPicture" + ext));
            a.props.add(PropValue.ofString(Tags.PR_ATTACH_EXTENSION, ext));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_MIME_TAG, mime));
            a.props.add(PropValue.ofBool(Tags.PR_ATTACHMENT_CONTACTPHOTO, true));
            a.props.add(PropValue.ofBool(Tags.PR_ATTACHMENT_HIDDEN, true));
            a.data = ph.getData();
            a.size = a.data.length;
            m.attachments.add(a);
            p.bool(Names.HAS_PICTURE, true);
            v.removeProperty(ph);
            return;
        }
    }

    private static String sniff(byte[] d) {
        if (d.length > 4 && (d[0] & 0xFF) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') return "image/png";
        if (d.length > 3 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F') return "image/gif";
        return "image/jpeg";
    }

    static ICalException invalid(String message) {
        return new ICalException(Precondition.VALID_ADDRESS_DATA, message);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) {
            if (s != null && !s.isBlank()) out.add(s);
        }
        return out;
    }
}
