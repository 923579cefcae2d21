package org.zcp.store.admin;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.admin.CompanyDetails;
import org.zcp.store.api.admin.GroupDetails;
import org.zcp.store.api.admin.UserDetails;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Features;
import org.zcp.store.directory.Directory;
import org.zcp.store.entity.StoreEntity;
import org.zcp.store.mapi.LocalFreebusy;
import org.zcp.store.mapi.QuotaService;
import org.zcp.store.mapi.StoreManager;

/** Directory entries as the SOAP details objects zarafa-admin prints. Passwords never leave. */
@Stateless
public class Details {
    @Inject
    Directory directory;

    @Inject
    StoreManager stores;

    @Inject
    QuotaService quota;

    @Inject
    LocalFreebusy localFreebusy;

    public UserDetails user(DirEntry e, boolean full) {
        UserDetails d = new UserDetails();
        d.userName = directory.loginName(e);
        d.fullName = e.fullName();
        d.email = e.email();
        d.active = e.active();
        d.adminLevel = e.adminLevel();
        d.hidden = e.hidden();
        d.company = e.companyId() == 0 ? null : directory.companyName(e.companyId());
        d.resourceType = resourceType(e.objectClass());
        if (d.resourceType != null) {
            String capacity = e.prop(Attr.RESOURCE_CAPACITY);
            d.resourceCapacity = capacity == null || capacity.isBlank() ? 1 : e.intProp(Attr.RESOURCE_CAPACITY);
        }
        if (!full) return d;
        d.quotaOverride = e.boolProp(Attr.QUOTA_OVERRIDE);
        QuotaService.Levels l = quota.levels(e);
        d.quotaWarn = l.warn();
        d.quotaSoft = l.soft();
        d.quotaHard = l.hard();
        d.lastLogon = e.prop(Attr.LAST_LOGON) == null ? null : e.longProp(Attr.LAST_LOGON);
        d.lastLogoff = e.prop(Attr.LAST_LOGOFF) == null ? null : e.longProp(Attr.LAST_LOGOFF);
        StoreEntity s = stores.privateStoreOf(e.id()).orElse(null);
        d.hasStore = s != null;
        d.storeSize = s == null ? 0L : s.storeSize;
        if (s != null) {
            // manual 8.8: how the store answers meeting requests, on its LocalFreebusy message
            LocalFreebusy.AutoAccept a = localFreebusy.autoAccept(s);
            d.mrAccept = a.accept();
            d.mrDeclineConflict = a.declineConflict();
            d.mrDeclineRecurring = a.declineRecurring();
        }
        for (long g : directory.groupIdsOf(e.id())) {
            directory.get(g).ifPresent(ge -> d.groups.add(ge.name()));
        }
        d.enabledFeatures = Features.listed(e, Attr.FEATURES_ENABLED);
        d.disabledFeatures = Features.listed(e, Attr.FEATURES_DISABLED);
        return d;
    }

    /** "room" or "equipment" for a resource (manual 8.8), null for other users. */
    static String resourceType(ObjectClass c) {
        if (c == null) return null;
        return switch (c) {
            case NONACTIVE_ROOM -> "room";
            case NONACTIVE_EQUIPMENT -> "equipment";
            default -> null;
        };
    }

    public GroupDetails group(DirEntry e) {
        GroupDetails d = new GroupDetails();
        d.groupName = e.name();
        d.fullName = e.fullName().isEmpty() ? e.name() : e.fullName();
        d.email = e.email();
        d.hidden = e.hidden();
        d.company = e.companyId() == 0 ? null : directory.companyName(e.companyId());
        return d;
    }

    /** A company; its administrator, quotas and store sizes only for its administrators (review finding 25). */
    public CompanyDetails company(DirEntry e, boolean full) {
        CompanyDetails d = new CompanyDetails();
        d.companyName = e.name();
        if (!full) return d;
        long admin = e.longProp(Attr.SYSADMIN);
        d.adminName = admin == 0 ? null : directory.get(admin).map(directory::loginName).orElse(null);
        d.quotaOverride = e.boolProp(Attr.QUOTA_OVERRIDE);
        d.quotaWarn = quota.companyWarn(e);
        d.userDefaultQuotaOverride = e.boolProp(Attr.UD_QUOTA_OVERRIDE);
        d.userDefaultQuotaWarn = e.longProp(Attr.UD_QUOTA_WARN);
        d.userDefaultQuotaSoft = e.longProp(Attr.UD_QUOTA_SOFT);
        d.userDefaultQuotaHard = e.longProp(Attr.UD_QUOTA_HARD);
        long size = 0;
        for (StoreEntity s : stores.allStores()) {
            if (s.companyId == e.id()) size += s.storeSize;
        }
        d.storeSize = size;
        return d;
    }
}
