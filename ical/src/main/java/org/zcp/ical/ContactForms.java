package org.zcp.ical;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import org.zcp.ical.ICalException.Precondition;

/**
 * Contacts as a form shows and edits them (the web client): a vCard read as {@link Contact} and a
 * form written into a vCard, the properties the form does not show (IMPP, X- properties, a PHOTO,
 * ...) kept from the card it changes. The result is vCard text for {@link VCards#parse}, so a
 * contact made here is the item CardDAV and Outlook see.
 */
public final class ContactForms {
    private ContactForms() {
    }

    /** A value with its kind: e-mail work/home/other; phone work/home/mobile/fax/other; address work/home/other. */
    public record Typed(String type, String value) {
    }

    public record PostalAddress(String type, String street, String city, String region, String postcode,
            String country) {
    }

    /** A contact as the form has it; {@code displayName} is FN (made from the name parts when empty). */
    public record Contact(String uid, String prefix, String givenName, String middleName, String surname,
            String suffix, String displayName, String nickname, String company, String department, String jobTitle,
            List<Typed> emails, List<Typed> phones, List<PostalAddress> addresses, LocalDate birthday,
            String website, String notes, List<String> categories) {
    }

    /** What a list of contacts shows of each: read in bulk from the stored items ({@link #summaryTags}), no vCard made. */
    public record Summary(String displayName, List<String> emails, String company, String phone) {
    }

    /** The properties {@link #summary} reads (for FolderItems.peek). */
    public static List<Integer> summaryTags(NamedIds ids) {
        List<Integer> tags = new ArrayList<>(List.of(org.zcp.api.mapi.PropTag.PR_DISPLAY_NAME, Tags.PR_COMPANY_NAME,
                Tags.PR_BUSINESS_TELEPHONE_NUMBER, Tags.PR_MOBILE_TELEPHONE_NUMBER));
        for (Names.Named[] slot : Names.EMAIL) tags.add(slot[Names.EMAIL_ADDRESS].tag(ids));
        return tags;
    }

    /** A stored contact read with {@link #summaryTags}. */
    public static Summary summary(org.zcp.store.api.mapi.Message peeked, NamedIds ids) {
        Props p = new Props(peeked.props, ids);
        List<String> emails = new ArrayList<>();
        for (Names.Named[] slot : Names.EMAIL) {
            String e = p.str(slot[Names.EMAIL_ADDRESS]);
            if (e != null && !e.isBlank()) emails.add(e);
        }
        String phone = p.str(Tags.PR_BUSINESS_TELEPHONE_NUMBER);
        if (phone == null) phone = p.str(Tags.PR_MOBILE_TELEPHONE_NUMBER);
        return new Summary(p.str(org.zcp.api.mapi.PropTag.PR_DISPLAY_NAME), emails, p.str(Tags.PR_COMPANY_NAME), phone);
    }

    /** The contact of a vCard; ICalException (VALID_ADDRESS_DATA) when it is none. */
    public static Contact read(String vcard) {
        VCard v = parse(vcard);
        StructuredName n = v.getStructuredName();
        List<Typed> emails = new ArrayList<>();
        for (Email e : v.getEmails()) emails.add(new Typed(emailType(e), e.getValue()));
        List<Typed> phones = new ArrayList<>();
        for (Telephone t : v.getTelephoneNumbers()) phones.add(new Typed(phoneType(t), t.getText()));
        List<PostalAddress> addresses = new ArrayList<>();
        for (Address a : v.getAddresses()) {
            String type = a.getTypes().contains(AddressType.WORK) ? "work" : a.getTypes().contains(AddressType.HOME) ? "home" : "other";
            addresses.add(new PostalAddress(type, a.getStreetAddress(), a.getLocality(), a.getRegion(), a.getPostalCode(),
                    a.getCountry()));
        }
        List<String> org = v.getOrganization() == null ? List.of() : v.getOrganization().getValues();
        LocalDate birthday = null;
        if (v.getBirthday() != null && v.getBirthday().getDate() != null) {
            Temporal t = v.getBirthday().getDate();
            try {
                birthday = LocalDate.from(t);
            } catch (java.time.DateTimeException e) {
                birthday = null;
            }
        }
        List<String> categories = new ArrayList<>();
        for (Categories c : v.getCategoriesList()) categories.addAll(c.getValues());
        return new Contact(v.getUid() == null ? null : v.getUid().getValue(),
                n == null || n.getPrefixes().isEmpty() ? null : n.getPrefixes().get(0),
                n == null ? null : n.getGiven(),
                n == null || n.getAdditionalNames().isEmpty() ? null : String.join(" ", n.getAdditionalNames()),
                n == null ? null : n.getFamily(),
                n == null || n.getSuffixes().isEmpty() ? null : n.getSuffixes().get(0),
                v.getFormattedName() == null ? null : v.getFormattedName().getValue(),
                v.getNickname() == null || v.getNickname().getValues().isEmpty() ? null : v.getNickname().getValues().get(0),
                org.isEmpty() ? null : blank(org.get(0)), org.size() < 2 ? null : blank(org.get(1)),
                v.getTitles().isEmpty() ? null : v.getTitles().get(0).getValue(), emails, phones, addresses, birthday,
                v.getUrls().isEmpty() ? null : v.getUrls().get(0).getValue(),
                v.getNotes().isEmpty() ? null : v.getNotes().get(0).getValue(), categories);
    }

    /**
     * The vCard (3.0) of a form: a new card, or {@code existing} with the form's properties
     * replaced (null: a new card with the form's UID).
     */
    public static String write(Contact c, String existing) {
        VCard v = existing == null ? new VCard() : parse(existing);
        if (existing == null) {
            if (c.uid() == null || c.uid().isBlank()) throw invalid("a contact needs a UID");
            v.setUid(new Uid(c.uid()));
        }
        StructuredName n = new StructuredName();
        n.setFamily(blank(c.surname()));
        n.setGiven(blank(c.givenName()));
        if (blank(c.middleName()) != null) n.getAdditionalNames().add(c.middleName().strip());
        if (blank(c.prefix()) != null) n.getPrefixes().add(c.prefix().strip());
        if (blank(c.suffix()) != null) n.getSuffixes().add(c.suffix().strip());
        v.setStructuredName(n);
        String fn = blank(c.displayName());
        if (fn == null) fn = String.join(" ", nonBlank(c.prefix(), c.givenName(), c.middleName(), c.surname(), c.suffix()));
        if (fn.isBlank()) fn = blank(c.company()) != null ? c.company().strip() : firstValue(c.emails());
        if (fn == null || fn.isBlank()) throw invalid("a contact needs a name, a company or an e-mail address");
        v.setFormattedName(fn);
        v.setNickname(blank(c.nickname()) == null ? null : new String[] {c.nickname().strip()});
        if (blank(c.company()) == null && blank(c.department()) == null) v.setOrganization((ezvcard.property.Organization) null);
        else if (blank(c.department()) == null) v.setOrganization(c.company().strip());
        else v.setOrganization(blank(c.company()) == null ? "" : c.company().strip(), c.department().strip());
        v.removeProperties(ezvcard.property.Title.class);
        if (blank(c.jobTitle()) != null) v.addTitle(c.jobTitle().strip());
        v.removeProperties(Email.class);
        for (Typed e : list(c.emails())) {
            if (blank(e.value()) == null) continue;
            Email m = v.addEmail(e.value().strip(), EmailType.INTERNET);
            if ("work".equals(e.type())) m.getTypes().add(EmailType.WORK);
            else if ("home".equals(e.type())) m.getTypes().add(EmailType.HOME);
        }
        v.removeProperties(Telephone.class);
        for (Typed p : list(c.phones())) {
            if (blank(p.value()) == null) continue;
            Telephone t = v.addTelephoneNumber(p.value().strip());
            switch (p.type() == null ? "other" : p.type()) {
                case "work" -> t.getTypes().addAll(List.of(TelephoneType.WORK, TelephoneType.VOICE));
                case "home" -> t.getTypes().addAll(List.of(TelephoneType.HOME, TelephoneType.VOICE));
                case "mobile" -> t.getTypes().add(TelephoneType.CELL);
                case "fax" -> t.getTypes().addAll(List.of(TelephoneType.WORK, TelephoneType.FAX));
                default -> t.getTypes().add(TelephoneType.VOICE);
            }
        }
        v.removeProperties(Address.class);
        for (PostalAddress p : c.addresses() == null ? List.<PostalAddress>of() : c.addresses()) {
            if (p == null) continue;
            Address a = new Address();
            a.setStreetAddress(blank(p.street()));
            a.setLocality(blank(p.city()));
            a.setRegion(blank(p.region()));
            a.setPostalCode(blank(p.postcode()));
            a.setCountry(blank(p.country()));
            if ("work".equals(p.type())) a.getTypes().add(AddressType.WORK);
            else if ("home".equals(p.type())) a.getTypes().add(AddressType.HOME);
            v.addAddress(a);
        }
        v.setBirthday(c.birthday() == null ? null : new Birthday(c.birthday()));
        v.removeProperties(ezvcard.property.Url.class);
        if (blank(c.website()) != null) v.addUrl(c.website().strip());
        v.removeProperties(ezvcard.property.Note.class);
        if (blank(c.notes()) != null) v.addNote(c.notes());
        v.removeProperties(Categories.class);
        List<String> cats = new ArrayList<>();
        for (String s : c.categories() == null ? List.<String>of() : c.categories()) if (blank(s) != null) cats.add(s.strip());
        if (!cats.isEmpty()) v.setCategories(cats.toArray(String[]::new));
        return Ezvcard.write(v).version(VCardVersion.V3_0).prodId(false).go();
    }

    private static VCard parse(String text) {
        VCard v = text == null ? null : Ezvcard.parse(text).first();
        if (v == null) throw invalid("not a vCard");
        return v;
    }

    private static String emailType(Email e) {
        if (e.getTypes().contains(EmailType.WORK)) return "work";
        if (e.getTypes().contains(EmailType.HOME)) return "home";
        return "other";
    }

    private static String phoneType(Telephone t) {
        List<TelephoneType> ty = t.getTypes();
        if (ty.contains(TelephoneType.CELL)) return "mobile";
        if (ty.contains(TelephoneType.FAX)) return "fax";
        if (ty.contains(TelephoneType.WORK)) return "work";
        if (ty.contains(TelephoneType.HOME)) return "home";
        return "other";
    }

    private static <T> List<T> list(List<T> l) {
        List<T> out = new ArrayList<>();
        if (l != null) for (T t : l) if (t != null) out.add(t);
        return out;
    }

    private static String firstValue(List<Typed> l) {
        for (Typed t : list(l)) if (blank(t.value()) != null) return t.value().strip();
        return null;
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) if (blank(p) != null) out.add(p.strip());
        return out;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static ICalException invalid(String message) {
        return new ICalException(Precondition.VALID_ADDRESS_DATA, message);
    }
}
