package org.zcp.store.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zcp.store.config.ServerSettings;

/**
 * Whether a user may use a feature (manual 8.7, table 8.1: imap, pop3, ...): enabled or disabled
 * for the user, else server.cfg's disabled_features. Logons, delivery and administration ask here.
 */
@ApplicationScoped
public class Features {
    @Inject
    ServerSettings settings;

    public boolean allowed(DirEntry e, String feature) {
        if (listed(e, Attr.FEATURES_ENABLED).contains(feature)) return true;
        if (listed(e, Attr.FEATURES_DISABLED).contains(feature)) return false;
        return !settings.disabledFeatures().contains(feature);
    }

    /** The features an entry's attribute lists (Attr.FEATURES_ENABLED or Attr.FEATURES_DISABLED). */
    public static List<String> listed(DirEntry e, String attr) {
        String v = e.prop(attr);
        if (v == null || v.isBlank()) return new ArrayList<>();
        return new ArrayList<>(Arrays.asList(v.trim().split("\\s+")));
    }
}
