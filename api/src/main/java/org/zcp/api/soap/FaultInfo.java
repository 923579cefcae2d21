package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "mapiFault")
public class FaultInfo {
    /** The MAPI error name, e.g. MAPI_E_NO_ACCESS. */
    public String error;
    /** The MAPI error code, e.g. 0x80070005. */
    public String code;
    public String message;
}
