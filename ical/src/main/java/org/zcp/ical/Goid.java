package org.zcp.ical;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * PidLidGlobalObjectId as Outlook and Exchange build it (MS-OXOCAL 2.2.1.27): the 16-byte class
 * id, the instance date (year high, year low, month, day; zero in a series' master), a creation
 * FILETIME, 8 zero bytes, the length of the data and the data. A UID that is itself the hex of
 * such an id (what Outlook sends) is kept as those bytes; any other UID goes into the data after
 * "vCal-Uid" and a version 1, NUL-terminated, as Exchange does for foreign UIDs. The clean id
 * (PidLidCleanGlobalObjectId) is the same with the instance date zeroed.
 */
final class Goid {
    private Goid() {
    }

    static final byte[] CLASS_ID = HexFormat.of().parseHex("040000008200E00074C5B7101A82E008");
    private static final byte[] VCAL_UID = "vCal-Uid".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 16 + 4 + 8 + 8 + 4;

    /** The global object id of a UID (the master's: instance date zero). */
    static byte[] fromUid(String uid) {
        byte[] outlook = outlookBytes(uid);
        if (outlook != null) return clean(outlook);
        byte[] text = uid.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(VCAL_UID);
        data.writeBytes(new byte[] {1, 0, 0, 0});
        data.writeBytes(text);
        data.write(0);
        byte[] d = data.toByteArray();
        byte[] out = new byte[HEADER + d.length];
        System.arraycopy(CLASS_ID, 0, out, 0, 16);
        int n = d.length;
        out[36] = (byte) n;
        out[37] = (byte) (n >>> 8);
        out[38] = (byte) (n >>> 16);
        out[39] = (byte) (n >>> 24);
        System.arraycopy(d, 0, out, HEADER, d.length);
        return out;
    }

    /** The id with its instance date zeroed (PidLidCleanGlobalObjectId). */
    static byte[] clean(byte[] goid) {
        byte[] c = goid.clone();
        if (c.length >= 20) Arrays.fill(c, 16, 20, (byte) 0);
        return c;
    }

    /** The UID a client gets for an id: the embedded vCal-Uid, or the hex of the clean id as Exchange writes it. */
    static String toUid(byte[] goid) {
        if (goid.length > HEADER + VCAL_UID.length + 4
                && Arrays.equals(goid, HEADER, HEADER + VCAL_UID.length, VCAL_UID, 0, VCAL_UID.length)) {
            int from = HEADER + VCAL_UID.length + 4;
            int to = goid.length;
            while (to > from && goid[to - 1] == 0) to--;
            return new String(goid, from, to - from, StandardCharsets.UTF_8);
        }
        return HexFormat.of().withUpperCase().formatHex(clean(goid));
    }

    /** The bytes of an Outlook UID (hex of an id with the class id and a consistent length), or null. */
    static byte[] outlookBytes(String uid) {
        if (uid.length() < 2 * HEADER || uid.length() % 2 != 0) return null;
        byte[] b;
        try {
            b = HexFormat.of().parseHex(uid);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!Arrays.equals(b, 0, 16, CLASS_ID, 0, 16)) return null;
        long n = (b[36] & 0xFFL) | (b[37] & 0xFFL) << 8 | (b[38] & 0xFFL) << 16 | (b[39] & 0xFFL) << 24;
        return n == b.length - HEADER ? b : null;
    }
}
