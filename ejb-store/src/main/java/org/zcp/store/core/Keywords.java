package org.zcp.store.core;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.zcp.api.mapi.PropType;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.mapi.NamedProperties;

/**
 * The tag of a message's keywords: its categories (PidNameKeywords: PS_PUBLIC_STRINGS
 * "Keywords", multi-valued string), so Outlook and WebAccess show IMAP keywords and IMAP sees
 * categories set there. Named properties are mapped once per server; the tag is looked up once.
 */
@ApplicationScoped
public class Keywords {
    public static final NamedProp NAME = NamedProp.ofName("00020329-0000-0000-C000-000000000046", "Keywords");

    @Inject
    NamedProperties names;

    private volatile int tag;

    public int tag() {
        int t = tag;
        if (t == 0) {
            t = names.ids(List.of(NAME), true).get(0) << 16 | PropType.MV_FLAG | PropType.PT_UNICODE;
            tag = t;
        }
        return t;
    }
}
