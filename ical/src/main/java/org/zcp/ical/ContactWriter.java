package org.zcp.ical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.ImageType;
import ezvcard.property.Address;
import ezvcard.property.Anniversary;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.Photo;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;

/** An IPM.Contact as a vCard 3.0 or 4.0 (the reverse of {@link ContactReader}). */
final class ContactWriter {
    private ContactWriter() {
    }

    static String render(Message m, NamedIds ids, String version) {
        VCardVersion ver = switch (version == null ? "3.0" : version.trim()) {
            case "4.0" -> VCardVersion.V4_0;
            case "3.0" -> VCardVersion.V3_0;
            default -> throw new IllegalArgumentException("vCard version 3.0 or 4.0, not " + version);
        };
        Props p = new Props(m.props, ids);
        VCard v = new VCard();
        v.setProductId(ItemWriter.PRODID);
        String uid = p.str(Names.UID);
        v.setUid(new ezvcard.property.Uid(uid != null ? uid : m.entryId != null ? m.entryId : java.util.UUID.randomUUID().toString()));
        StructuredName n = new StructuredName();
        n.setFamily(p.str(Tags.PR_SURNAME));
        n.setGiven(p.str(Tags.PR_GIVEN_NAME));
        addWords(n.getAdditionalNames(), p.str(Tags.PR_MIDDLE_NAME));
        addWords(n.getPrefixes(), p.str(Tags.PR_DISPLAY_NAME_PREFIX));
        addWords(n.getSuffixes(), p.str(Tags.PR_GENERATION));
        v.setStructuredName(n);
        String fn = p.str(PropTag.PR_DISPLAY_NAME);
        if (fn == null) fn = p.str(Names.FILE_UNDER);
        if (fn == null) fn = String.join(" ", ContactReader.nonBlank(n.getGiven(), n.getFamily()));
        v.setFormattedName(fn);
        String nick = p.str(Tags.PR_NICKNAME);
        if (nick != null) v.setNickname(nick);
        String company = p.str(Tags.PR_COMPANY_NAME);
        String dept = p.str(Tags.PR_DEPARTMENT_NAME);
        if (company != null || dept != null) {
            if (dept != null) v.setOrganization(company == null ? "" : company, dept);
            else v.setOrganization(company);
        }
        String title = p.str(Tags.PR_TITLE);
        if (title != null) v.addTitle(title);
        String role = p.str(Tags.PR_PROFESSION);
        if (role != null) v.addRole(role);
        for (Names.Named[] slot : Names.EMAIL) {
            String addr = p.str(slot[Names.EMAIL_ADDRESS]);
            if (addr == null) continue;
            Email e = new Email(addr);
            e.getTypes().add(EmailType.INTERNET);
            v.addEmail(e);
        }
        for (ContactSlots.Phone ph : ContactSlots.PHONES) {
            String num = p.str(ph.tag());
            if (num == null) continue;
            Telephone t = new Telephone(num);
            t.getTypes().addAll(ph.types());
            v.addTelephoneNumber(t);
        }
        for (ContactSlots.AddressSlot slot : ContactSlots.ADDRESSES) {
            String[] parts = new String[6];
            boolean any = false;
            for (int i = 0; i < 6; i++) {
                parts[i] = slot.get(p, i);
                any |= parts[i] != null;
            }
            if (!any) continue;
            Address a = new Address();
            a.setStreetAddress(parts[0]);
            a.setLocality(parts[1]);
            a.setRegion(parts[2]);
            a.setPostalCode(parts[3]);
            a.setCountry(parts[4]);
            a.setPoBox(parts[5]);
            if (slot.type() != null) a.getTypes().add(slot.type());
            v.addAddress(a);
        }
        Long bday = p.num(Tags.PR_BIRTHDAY);
        if (bday != null) v.setBirthday(new Birthday(day(bday)));
        Long anniversary = p.num(Tags.PR_WEDDING_ANNIVERSARY);
        if (anniversary != null) {
            if (ver == VCardVersion.V4_0) v.setAnniversary(new Anniversary(day(anniversary)));
            else v.setExtendedProperty("X-ANNIVERSARY", day(anniversary).toString());
        }
        url(v, p.str(Tags.PR_BUSINESS_HOME_PAGE), "work");
        url(v, p.str(Tags.PR_PERSONAL_HOME_PAGE), "home");
        String note = p.str(PropTag.PR_BODY);
        if (note != null) v.addNote(note);
        List<String> keywords = p.strs(Names.KEYWORDS);
        if (keywords != null && !keywords.isEmpty()) v.setCategories(keywords.toArray(new String[0]));
        photo(v, m);
        String extra = p.str(Names.EXTRA);
        if (extra != null) {
            VCard kept = Ezvcard.parse(extra).first();
            if (kept != null) {
                for (VCardProperty prop : kept.getProperties()) v.addProperty(prop);
            }
        }
        return Ezvcard.write(v).version(ver).prodId(false).go();
    }

    private static LocalDate day(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static void addWords(List<String> to, String v) {
        if (v != null && !v.isBlank()) to.add(v);
    }

    private static void url(VCard v, String url, String type) {
        if (url == null) return;
        Url u = new Url(url);
        u.setType(type);
        v.addUrl(u);
    }

    private static void photo(VCard v, Message m) {
        if (m.attachments == null) return;
        for (Attachment a : m.attachments) {
            Props ap = new Props(a.props, null);
            var flag = ap.get(Tags.PR_ATTACHMENT_CONTACTPHOTO);
            if (flag == null || !Boolean.TRUE.equals(flag.b) || a.data == null) continue;
            String mime = ap.str(PropTag.PR_ATTACH_MIME_TAG);
            String ext = ap.str(Tags.PR_ATTACH_EXTENSION);
            ImageType type = mime != null ? ImageType.find(null, mime.toLowerCase(Locale.ROOT), null) : null;
            if (type == null && ext != null) type = ImageType.find(null, null, ext.replace(".", "").toLowerCase(Locale.ROOT));
            if (type == null) type = ImageType.JPEG;
            v.addPhoto(new Photo(a.data, type));
            return;
        }
    }
}
