package org.zcp.caldav.resource;

import java.util.Map;
import javax.xml.namespace.QName;
import org.zcp.caldav.dav.Names;

/**
 * The collection properties kept with a folder in the store (FolderItems.collectionProps): the
 * URL segment a client made the collection under, so a rename (DAV:displayname) does not move it,
 * and the properties clients set for their own display.
 */
public final class Kept {
    /** The URL segment the collection keeps whatever its folder is named. */
    public static final String SEGMENT = "segment";

    /** Each storable DAV property and its key in the store. */
    public static final Map<QName, String> KEYS = Map.of(Names.CALENDAR_COLOR, "color", Names.CALENDAR_ORDER, "order",
            Names.CALENDAR_DESCRIPTION, "description", Names.ADDRESSBOOK_DESCRIPTION, "description");

    private Kept() {
    }
}
