package org.zcp.api.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a name typed in a recipient field resolves to (MAPI's ResolveNames on the global address
 * book): one entry, several (ambiguous: the client lets the user pick), or none.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "resolvedName")
public class ResolvedName {
    public static final int RESOLVED = 0;
    public static final int AMBIGUOUS = 1;
    public static final int UNRESOLVED = 2;

    public String query;
    public int status;
    public List<AddressEntry> entries = new ArrayList<>();
}
