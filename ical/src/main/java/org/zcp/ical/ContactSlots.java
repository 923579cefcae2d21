package org.zcp.ical;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Telephone;

/**
 * Where a vCard's TEL and ADR go in an Outlook contact (MS-OXOCNTC 2.2.1.4 and 2.2.1.3) and the
 * types they get back: one number per MAPI slot, one address per kind (work, home, other).
 */
final class ContactSlots {
    private ContactSlots() {
    }

    /** A phone slot: its tag and the TYPE values written for it. */
    record Phone(int tag, List<TelephoneType> types) {
    }

    static final List<Phone> PHONES = List.of(
            new Phone(Tags.PR_BUSINESS_TELEPHONE_NUMBER, List.of(TelephoneType.WORK, TelephoneType.VOICE)),
            new Phone(Tags.PR_BUSINESS2_TELEPHONE_NUMBER, List.of(TelephoneType.WORK, TelephoneType.VOICE)),
            new Phone(Tags.PR_HOME_TELEPHONE_NUMBER, List.of(TelephoneType.HOME, TelephoneType.VOICE)),
            new Phone(Tags.PR_HOME2_TELEPHONE_NUMBER, List.of(TelephoneType.HOME, TelephoneType.VOICE)),
            new Phone(Tags.PR_MOBILE_TELEPHONE_NUMBER, List.of(TelephoneType.CELL)),
            new Phone(Tags.PR_BUSINESS_FAX_NUMBER, List.of(TelephoneType.WORK, TelephoneType.FAX)),
            new Phone(Tags.PR_HOME_FAX_NUMBER, List.of(TelephoneType.HOME, TelephoneType.FAX)),
            new Phone(Tags.PR_PRIMARY_FAX_NUMBER, List.of(TelephoneType.FAX)),
            new Phone(Tags.PR_PAGER_TELEPHONE_NUMBER, List.of(TelephoneType.PAGER)),
            new Phone(Tags.PR_CAR_TELEPHONE_NUMBER, List.of(TelephoneType.CAR)),
            new Phone(Tags.PR_ISDN_NUMBER, List.of(TelephoneType.ISDN)),
            new Phone(Tags.PR_PRIMARY_TELEPHONE_NUMBER, List.of(TelephoneType.get("main-number"))),
            new Phone(Tags.PR_OTHER_TELEPHONE_NUMBER, List.of(TelephoneType.VOICE)));

    /** The slots a number of these types may take, best first. */
    static List<Integer> phoneSlots(Telephone t) {
        Set<String> ty = t.getTypes().stream().map(x -> x.getValue().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        boolean work = ty.contains("work");
        boolean home = ty.contains("home");
        if (ty.contains("fax")) {
            return List.of(work ? Tags.PR_BUSINESS_FAX_NUMBER : home ? Tags.PR_HOME_FAX_NUMBER : Tags.PR_PRIMARY_FAX_NUMBER);
        }
        if (ty.contains("cell")) return List.of(Tags.PR_MOBILE_TELEPHONE_NUMBER);
        if (ty.contains("pager")) return List.of(Tags.PR_PAGER_TELEPHONE_NUMBER);
        if (ty.contains("car")) return List.of(Tags.PR_CAR_TELEPHONE_NUMBER);
        if (ty.contains("isdn")) return List.of(Tags.PR_ISDN_NUMBER);
        if (work) return List.of(Tags.PR_BUSINESS_TELEPHONE_NUMBER, Tags.PR_BUSINESS2_TELEPHONE_NUMBER);
        if (home) return List.of(Tags.PR_HOME_TELEPHONE_NUMBER, Tags.PR_HOME2_TELEPHONE_NUMBER);
        if (ty.contains("main-number") || ty.contains("main")) return List.of(Tags.PR_PRIMARY_TELEPHONE_NUMBER);
        return List.of(Tags.PR_OTHER_TELEPHONE_NUMBER);
    }

    /** The number of a TEL: its text, or the number of a tel: URI (vCard 4.0). */
    static String number(Telephone t) {
        if (t.getText() != null) return t.getText();
        return t.getUri() == null ? null : t.getUri().getNumber();
    }

    /** An address kind: its type and the properties of street, city, region, postal code, country, PO box. */
    record AddressSlot(AddressType type, int[] tags, Names.Named[] named) {
        String get(Props p, int i) {
            return named != null ? p.str(named[i]) : p.str(tags[i]);
        }

        void put(Props p, int i, String v) {
            if (named != null) p.str(named[i], v);
            else p.str(tags[i], v);
        }
    }

    static final AddressSlot WORK = new AddressSlot(AddressType.WORK, null, new Names.Named[] {Names.WORK_STREET,
        Names.WORK_CITY, Names.WORK_STATE, Names.WORK_POSTAL_CODE, Names.WORK_COUNTRY, Names.WORK_PO_BOX});
    static final AddressSlot HOME = new AddressSlot(AddressType.HOME, new int[] {Tags.PR_HOME_ADDRESS_STREET,
        Tags.PR_HOME_ADDRESS_CITY, Tags.PR_HOME_ADDRESS_STATE_OR_PROVINCE, Tags.PR_HOME_ADDRESS_POSTAL_CODE,
        Tags.PR_HOME_ADDRESS_COUNTRY, Tags.PR_HOME_ADDRESS_POST_OFFICE_BOX}, null);
    static final AddressSlot OTHER = new AddressSlot(null, new int[] {Tags.PR_OTHER_ADDRESS_STREET,
        Tags.PR_OTHER_ADDRESS_CITY, Tags.PR_OTHER_ADDRESS_STATE_OR_PROVINCE, Tags.PR_OTHER_ADDRESS_POSTAL_CODE,
        Tags.PR_OTHER_ADDRESS_COUNTRY, Tags.PR_OTHER_ADDRESS_POST_OFFICE_BOX}, null);
    static final List<AddressSlot> ADDRESSES = List.of(WORK, HOME, OTHER);

    static AddressSlot addressSlot(Address a) {
        Set<String> ty = a.getTypes().stream().map(x -> x.getValue().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        return ty.contains("work") ? WORK : ty.contains("home") ? HOME : OTHER;
    }

    static String[] parts(Address a) {
        return new String[] {a.getStreetAddress(), a.getLocality(), a.getRegion(), a.getPostalCode(), a.getCountry(),
            a.getPoBox()};
    }
}
