package org.zcp.protocols.socketmap;

/**
 * Recipient lookups for the MTA: in the server the message listener interface of the lookup
 * message-driven bean, in tests a map.
 */
public interface LookupBackend {
    /**
     * Looks a key up in a named map ("mailbox": an address to the user's primary address).
     * Returns "OK value", "NOTFOUND", or "TEMP reason" as the socketmap protocol spells them.
     */
    String lookup(String map, String key);
}
