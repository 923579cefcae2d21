package org.zcp.store.api;

import java.util.List;

/**
 * The global address book as a user sees it (manual 8.3: users, rooms and equipment, groups of
 * their company and of companies their company may view; hidden entries left out): what CardDAV's
 * read-only "Global Address Book" and, later, the web client and principal searches show. The
 * directory (the user plugin) is the source; the store adds nothing of its own.
 */
public interface AddressBook {
    /** What an entry is. */
    enum Kind { USER, ROOM, EQUIPMENT, GROUP }

    /**
     * One entry: a stable id (a path segment, the same for the entry as long as it exists), its
     * kind, login or group name, full name, primary e-mail address (may be empty) and company name
     * (empty outside hosted mode).
     */
    record Entry(String id, Kind kind, String name, String fullName, String email, String company) {
    }

    /** The entries the session sees, users before groups, each in name order. */
    List<Entry> gal(String session);
}
