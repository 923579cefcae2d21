package org.zcp.store.api.admin;

import java.util.ArrayList;
import java.util.List;

/** zarafa-admin --list-orphans: stores without users and users without stores. */
public class OrphanReport {
    public List<OrphanStore> stores = new ArrayList<>();
    public List<String> usersWithoutStore = new ArrayList<>();
}
