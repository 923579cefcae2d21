package org.zcp.ical;

import java.util.LinkedHashMap;
import java.util.Map;
import org.zcp.store.api.mapi.NamedProp;

/** A NamedIds that numbers names from 0x8500 up in the order asked, as a store would. */
final class TestIds implements NamedIds {
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    @Override
    public synchronized int id(NamedProp name) {
        String key = name.guid.toUpperCase() + "/" + (name.id != null ? "#" + name.id : name.name);
        return ids.computeIfAbsent(key, k -> 0x8500 + ids.size());
    }

    int tag(Names.Named n) {
        return n.tag(this);
    }
}
