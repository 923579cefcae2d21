package org.zcp.ical;

import org.zcp.store.api.mapi.NamedProp;

/**
 * How a conversion addresses named properties (MS-OXPROPS' PidLid* and PidName*): the store maps
 * each name to a property id from 0x8000 up, the same in every store of a server, but different
 * between servers. The CalDAV layer answers with the store's ids ({@code FolderItems.propIds}); a
 * test with its own numbering.
 */
@FunctionalInterface
public interface NamedIds {
    /** The property id (0x8000..0xFFFE) of a named property; the tag is {@code id << 16 | type}. */
    int id(NamedProp name);
}
