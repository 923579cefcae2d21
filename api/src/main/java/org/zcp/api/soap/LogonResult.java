package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "logonResult")
public class LogonResult {
    public String sessionId;
    public String userName;
    public String serverVersion;
    public String serverGuid;
    public List<String> capabilities = new ArrayList<>();
}
