package org.zcp.store.admin;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.zcp.store.config.ServerSettings;

/** Purges soft-deleted objects older than softdelete_lifetime days, hourly (manual 7.5; 0 = never). */
@Singleton
public class SoftDeletePurger {
    private static final Logger LOG = Logger.getLogger(SoftDeletePurger.class.getName());

    @Inject
    ServerSettings settings;

    @Inject
    StoreAdmin stores;

    @Schedule(hour = "*", minute = "17", persistent = false)
    void purge() {
        int days = settings.getInt("softdelete_lifetime");
        if (days <= 0) return;
        int n = stores.purgeOlderThan(days);
        if (n > 0) LOG.info("softdelete: purged " + n + " objects deleted more than " + days + " days ago");
    }
}
