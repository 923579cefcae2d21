package org.zcp.store.mapi;

import java.util.List;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.HierarchyObject;

/**
 * A message just created in a folder, told (CDI event, synchronously) inside the creating
 * transaction while it holds its store's and folder's locks, after the message got its UID and
 * change number: what an in-memory view of the folder (the folder index) needs to learn the
 * arrival instead of reading it back after the commit.
 *
 * @param message its row as written (UID, change number, flags, size, dates)
 * @param props the properties it was created with
 */
public record MessageCreated(HierarchyObject message, List<PropValue> props) {
}
