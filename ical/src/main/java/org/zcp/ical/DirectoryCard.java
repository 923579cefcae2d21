package org.zcp.ical;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Uid;

/**
 * An entry of the global address book (a user, room, equipment or group of the directory) as a
 * vCard 3.0 or 4.0, for CardDAV's read-only "Global Address Book": UID, FN (the full name, else
 * the login or group name), N, EMAIL;TYPE=work, ORG (the company, in hosted mode) and the login or
 * group name as X-ZCP-LOGIN. What the entry is says KIND in 4.0 (RFC 6350 6.1.4: group, location,
 * device; a person has none) and X-ADDRESSBOOKSERVER-KIND:group in 3.0 (as Apple's clients read
 * groups). N of a person is their full name's last word as the family name and the words before
 * it as the given name; of anything else the whole name as the family name.
 */
public final class DirectoryCard {
    /** What an entry is: a person, a group, a room (location) or equipment (device). */
    public enum Kind { INDIVIDUAL, GROUP, LOCATION, DEVICE }

    private DirectoryCard() {
    }

    /**
     * The vCard of one entry; {@code fullName}, {@code email} and {@code company} may be null or
     * empty.
     *
     * @param version "3.0" or "4.0"
     */
    public static String render(String uid, Kind kind, String name, String fullName, String email, String company,
            String version) {
        VCardVersion ver = switch (version == null ? "3.0" : version.trim()) {
            case "4.0" -> VCardVersion.V4_0;
            case "3.0" -> VCardVersion.V3_0;
            default -> throw new IllegalArgumentException("vCard version 3.0 or 4.0, not " + version);
        };
        VCard v = new VCard();
        v.setProductId(ItemWriter.PRODID);
        v.setUid(new Uid(uid));
        String fn = blank(fullName) ? name : fullName.trim();
        v.setFormattedName(fn);
        v.setStructuredName(structuredName(kind, fn));
        if (!blank(email)) {
            Email e = new Email(email.trim());
            e.getTypes().add(EmailType.WORK);
            v.addEmail(e);
        }
        if (!blank(company)) v.setOrganization(company.trim());
        if (ver == VCardVersion.V4_0) {
            switch (kind) {
                case GROUP -> v.setKind(ezvcard.property.Kind.group());
                case LOCATION -> v.setKind(ezvcard.property.Kind.location());
                case DEVICE -> v.setKind(ezvcard.property.Kind.device());
                case INDIVIDUAL -> { }
            }
        } else if (kind == Kind.GROUP) {
            v.setExtendedProperty("X-ADDRESSBOOKSERVER-KIND", "group");
        }
        v.setExtendedProperty("X-ZCP-LOGIN", name);
        // N with all five components, as RFC 2426 3.1.2 and RFC 6350 6.2.2 spell it
        return Ezvcard.write(v).version(ver).prodId(false).includeTrailingSemicolons(true).go();
    }

    private static StructuredName structuredName(Kind kind, String fn) {
        StructuredName n = new StructuredName();
        int last = fn.lastIndexOf(' ');
        if (kind != Kind.INDIVIDUAL || last < 0) {
            n.setFamily(fn);
        } else {
            n.setFamily(fn.substring(last + 1));
            n.setGiven(fn.substring(0, last).trim());
        }
        return n;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
