package org.zcp.store.directory;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

/**
 * Address-book entry ids of the server's own address book (the original's ABEID: four flag bytes,
 * the provider's MUIDECSAB {50A921AC-D340-48EE-B319-FBA753304425}, version 0, the object type and
 * the directory object's id, an empty external id padded to four bytes): what PR_ADDRESS_BOOK_ENTRYID
 * of a published free/busy message names its user by, and what the address book hands out.
 */
public final class AbEntryIds {
    private AbEntryIds() {
    }

    /** MUIDECSAB in MAPI's byte order (the first three fields little-endian). */
    static final byte[] MUIDECSAB = HexFormat.of().parseHex("AC21A95040D3EE48B319FBA753304425");
    /** MAPI_MAILUSER: a user (and, in the original, a resource). */
    public static final int MAPI_MAILUSER = 6;
    /** MAPI_DISTLIST: a group. */
    public static final int MAPI_DISTLIST = 8;
    /** MAPI_ABCONT: a container of the address book (a company's global address book, an address list). */
    public static final int MAPI_ABCONT = 4;
    static final int LENGTH = 4 + 16 + 4 + 4 + 4 + 4;

    /** The entry id of a directory object of {@code type} (MAPI_MAILUSER, MAPI_DISTLIST). */
    public static byte[] of(int type, long objectId) {
        return build(type, objectId, new byte[0]);
    }

    /**
     * The entry id of a container: the global address book of company {@code companyId} (0 outside
     * hosted mode) with an empty external id, or an address list, named in the external id (as
     * the original's ABEID carries an object's external id) with object id 0.
     */
    public static byte[] container(long companyId, String addressList) {
        return addressList == null ? build(MAPI_ABCONT, companyId, new byte[0])
                : build(MAPI_ABCONT, 0, addressList.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The ABEID layout: flags, MUIDECSAB, version 0, type, id, the external id with its zero padded to four bytes. */
    private static byte[] build(int type, long objectId, byte[] externalId) {
        if (objectId < 0 || objectId > 0xFFFF_FFFFL) throw new IllegalArgumentException("object id " + objectId);
        int padded = (externalId.length + 1 + 3) / 4 * 4;
        ByteBuffer b = ByteBuffer.allocate(LENGTH - 4 + padded).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0);
        b.put(MUIDECSAB);
        b.putInt(0);
        b.putInt(type);
        b.putInt((int) objectId);
        b.put(externalId);
        return b.array();
    }

    /** The object type an entry id of this address book has (MAPI_MAILUSER, ...), or -1 when it is none of ours. */
    public static int type(byte[] entryId) {
        if (objectId(entryId) < 0) return -1;
        return ByteBuffer.wrap(entryId, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    /** The external id an entry id carries (an address list's name), empty when it has none. */
    public static String externalId(byte[] entryId) {
        if (objectId(entryId) < 0 || entryId.length <= LENGTH - 4) return "";
        int end = LENGTH - 4;
        while (end < entryId.length && entryId[end] != 0) end++;
        return new String(entryId, LENGTH - 4, end - (LENGTH - 4), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The directory object id an entry id of this address book names, or -1 when it is none of ours. */
    public static long objectId(byte[] entryId) {
        if (entryId == null || entryId.length < LENGTH - 4) return -1;
        for (int i = 0; i < MUIDECSAB.length; i++) {
            if (entryId[4 + i] != MUIDECSAB[i]) return -1;
        }
        return Integer.toUnsignedLong(ByteBuffer.wrap(entryId, 28, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
    }
}
