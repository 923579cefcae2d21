package org.zcp.caldav.resource;

import org.zcp.store.api.AddressBook;
import org.zcp.store.api.Calendars;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.Scheduling;
import org.zcp.store.api.WebLogons;

/** The store API the DAV layer uses (EJBs in the server, fakes in tests). */
public record Store(WebLogons logons, FolderTree tree, FolderItems items, FolderMessages messages, Calendars calendars,
        Scheduling scheduling, AddressBook addressBook) {
}
