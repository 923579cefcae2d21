package org.zcp.store.api.admin;


/** A tenant (manual 6.2). Quota values are bytes; only the warning level applies to a company. */
public class CompanyDetails {
    public String companyName;
    /** The company's system administrator user. */
    public String adminName;
    public Boolean quotaOverride;
    public Long quotaWarn;
    public Boolean userDefaultQuotaOverride;
    public Long userDefaultQuotaWarn;
    public Long userDefaultQuotaSoft;
    public Long userDefaultQuotaHard;
    public Long storeSize;
}
