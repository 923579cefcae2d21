package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** A tenant (manual 6.2). Quota values are bytes; only the warning level applies to a company. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "companyDetails")
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
