package org.zcp.store.mapi;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;

/**
 * Entry ids: 4 flag bytes, the 16-byte store GUID and the 8-byte object id, as hex on the wire.
 * A mismatching GUID means the id was forged or belongs to another store.
 */
public final class EntryIds {
    public static final int LENGTH = 28;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public record Parsed(String storeGuid, long objectId) {
    }

    private EntryIds() {
    }

    public static byte[] bytes(String storeGuid, long objectId) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putInt(0);
        b.put(HEX.parseHex(storeGuid));
        b.putLong(objectId);
        return b.array();
    }

    public static String hex(String storeGuid, long objectId) {
        return HEX.formatHex(bytes(storeGuid, objectId));
    }

    public static Parsed parse(String hex) {
        if (hex == null || hex.length() != LENGTH * 2) {
            throw new StoreException(MapiError.MAPI_E_INVALID_ENTRYID, "malformed entry id");
        }
        try {
            return parse(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new StoreException(MapiError.MAPI_E_INVALID_ENTRYID, "malformed entry id");
        }
    }

    public static Parsed parse(byte[] raw) {
        if (raw == null || raw.length != LENGTH) {
            throw new StoreException(MapiError.MAPI_E_INVALID_ENTRYID, "malformed entry id");
        }
        ByteBuffer b = ByteBuffer.wrap(raw);
        b.getInt();
        byte[] guid = new byte[16];
        b.get(guid);
        return new Parsed(HEX.formatHex(guid), b.getLong());
    }

    /** PR_SOURCE_KEY: store GUID and object id, stable across moves within the store. */
    public static byte[] sourceKey(String storeGuid, long objectId) {
        // 16-byte GUID and a 6-byte little-endian counter, as MAPI source keys are laid out
        ByteBuffer b = ByteBuffer.allocate(22);
        b.put(HEX.parseHex(storeGuid));
        for (int i = 0; i < 6; i++) b.put((byte) (objectId >>> (8 * i)));
        return b.array();
    }

    public static String newGuid() {
        return java.util.UUID.randomUUID().toString().replace("-", "").toUpperCase();
    }
}
