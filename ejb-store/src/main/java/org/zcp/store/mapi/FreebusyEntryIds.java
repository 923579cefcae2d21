package org.zcp.store.mapi;

import java.util.List;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;

/**
 * PR_FREEBUSY_ENTRYIDS as [MS-OXOSFLD] 2.2.6 has it, on a private store's root and Inbox: null, the
 * delegate information (LocalFreebusy) message, the public free/busy message (null until there is
 * one), the Freebusy Data folder.
 */
public final class FreebusyEntryIds {
    private FreebusyEntryIds() {
    }

    /** The list with [2] naming the public free/busy message (filled up to four entries). */
    public static PropValue withPublished(List<byte[]> current, byte[] published) {
        java.util.ArrayList<byte[]> ids = new java.util.ArrayList<>(current);
        while (ids.size() < 4) ids.add(new byte[0]);
        ids.set(2, published);
        return PropValue.ofBinaries(PropTag.PR_FREEBUSY_ENTRYIDS, ids);
    }

    public static PropValue of(String storeGuid, long localFreebusy, long freebusyFolder) {
        return PropValue.ofBinaries(PropTag.PR_FREEBUSY_ENTRYIDS, List.of(new byte[0],
                EntryIds.bytes(storeGuid, localFreebusy), new byte[0], EntryIds.bytes(storeGuid, freebusyFolder)));
    }
}
