package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.mapi.QuotaStatus;
import org.zcp.store.StoreException;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.StoreEntity;

/**
 * Quota levels (manual 4.12 and 6.2.5): a user's own values when their quota is overridden, else
 * the company's user defaults when those are overridden (hosted mode), else the server-wide
 * quota_warn/quota_soft/quota_hard of server.cfg (megabytes, 0 = off). Hard quota stops every
 * write that grows the store, including delivery; soft quota stops sending.
 */
@ApplicationScoped
public class QuotaService {
    @Inject
    ServerSettings settings;

    @Inject
    Directory directory;

    public record Levels(long warn, long soft, long hard) {
    }

    public Levels levels(DirEntry user) {
        if (user.boolProp(Attr.QUOTA_OVERRIDE)) {
            return new Levels(user.longProp(Attr.QUOTA_WARN), user.longProp(Attr.QUOTA_SOFT),
                    user.longProp(Attr.QUOTA_HARD));
        }
        if (settings.hosted() && user.companyId() != 0) {
            DirEntry company = directory.get(user.companyId()).orElse(null);
            if (company != null && company.boolProp(Attr.UD_QUOTA_OVERRIDE)) {
                return new Levels(company.longProp(Attr.UD_QUOTA_WARN), company.longProp(Attr.UD_QUOTA_SOFT),
                        company.longProp(Attr.UD_QUOTA_HARD));
            }
        }
        return new Levels(settings.getInt("quota_warn") * ServerSettings.MB,
                settings.getInt("quota_soft") * ServerSettings.MB, settings.getInt("quota_hard") * ServerSettings.MB);
    }

    public QuotaStatus status(StoreEntity store) {
        QuotaStatus q = new QuotaStatus();
        q.storeSize = store.storeSize;
        if (store.type == StoreEntity.PUBLIC || store.userId == 0) {
            q.status = QuotaStatus.OK;
            return q;
        }
        DirEntry user = directory.get(store.userId).orElse(null);
        if (user == null) {
            q.status = QuotaStatus.OK;
            return q;
        }
        Levels l = levels(user);
        q.warn = l.warn();
        q.soft = l.soft();
        q.hard = l.hard();
        q.status = level(store.storeSize, l);
        return q;
    }

    static String level(long size, Levels l) {
        if (l.hard() > 0 && size >= l.hard()) return QuotaStatus.HARD;
        if (l.soft() > 0 && size >= l.soft()) return QuotaStatus.SOFT;
        if (l.warn() > 0 && size >= l.warn()) return QuotaStatus.WARN;
        return QuotaStatus.OK;
    }

    /** Refuses a write that would grow a store over its hard quota with MAPI_E_STORE_FULL. */
    public void checkWrite(StoreEntity store, long growth) {
        if (growth <= 0) return;
        QuotaStatus q = status(store);
        if (q.hard > 0 && store.storeSize + growth > q.hard) {
            throw new StoreException(MapiError.MAPI_E_STORE_FULL, "hard quota of " + q.hard / ServerSettings.MB
                    + " MB reached");
        }
    }

    /**
     * After a write whose size is only known once it is written (a streamed attachment, property
     * writes, a folder copy): refuses it with MAPI_E_STORE_FULL when it grew the store past its
     * hard quota, so the transaction and the write roll back (review finding 7).
     */
    public void checkGrowth(StoreEntity store, long sizeBefore) {
        long growth = store.storeSize - sizeBefore;
        if (growth <= 0) return;
        QuotaStatus q = status(store);
        if (q.hard > 0 && store.storeSize > q.hard) {
            throw new StoreException(MapiError.MAPI_E_STORE_FULL, "hard quota of " + q.hard / ServerSettings.MB
                    + " MB reached");
        }
    }

    /** manual 6.2.5: only a warning level exists for companies. */
    public long companyWarn(DirEntry company) {
        if (company != null && company.boolProp(Attr.QUOTA_OVERRIDE)) return company.longProp(Attr.QUOTA_WARN);
        return settings.getInt("companyquota_warn") * ServerSettings.MB;
    }
}
