package org.zcp.store.dagent;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.ejb3.annotation.ResourceAdapter;
import org.zcp.protocols.socketmap.LookupBackend;
import org.zcp.store.dagent.LookupBean;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;

/**
 * Recipient lookups Postfix asks over socketmap (manual 5.4 without a hash map to maintain):
 * {@code virtual_mailbox_maps = socketmap:inet:127.0.0.1:2004:mailbox} answers with the user's
 * primary address for every address, alias or login name that delivers to a user, and with a
 * group's own address (LMTP delivers it to the members); {@code virtual_alias_maps =
 * socketmap:inet:127.0.0.1:2004:alias} rewrites an alias to the primary address and a group's
 * address to its members' (the LDAP maps of manual 5.4.1/5.4.2 without LDAP in Postfix).
 */
@MessageDriven(messageListenerInterface = LookupBackend.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "protocol", propertyValue = "lookup")})
@ResourceAdapter("zcp.ear#zcp-gateways.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LookupBean implements LookupBackend {
    @Inject
    Directory directory;

    @Inject
    DeliveryService delivery;

    @Override
    public String lookup(String map, String key) {
        if (!"mailbox".equals(map) && !"alias".equals(map)) {
            return "PERM unknown map " + map + " (only 'mailbox' and 'alias')";
        }
        // Postfix also asks for "@domain" and bare local parts: only whole addresses are users
        if (key == null || key.indexOf('@') <= 0) return "NOTFOUND ";
        try {
            Optional<DirEntry> user = directory.findUserByAddress(key);
            if (user.isPresent()) {
                String primary = user.get().email().isEmpty() ? key : user.get().email();
                // alias: only an address that is not the primary one is rewritten
                if ("alias".equals(map) && primary.equalsIgnoreCase(key)) return "NOTFOUND ";
                return "OK " + primary;
            }
            // the addresses LMTP delivers a group's mail to
            java.util.List<String> members = delivery.groupRecipients(key);
            if (members == null) return "NOTFOUND ";
            // mailbox: the group's address is delivered to (the LMTP side expands it); alias: the
            // members' addresses, for Postfix to expand itself
            if ("mailbox".equals(map)) return "OK " + key;
            return members.isEmpty() ? "NOTFOUND " : "OK " + String.join(",", members);
        } catch (RuntimeException e) {
            return "TEMP directory unavailable";
        }
    }
}
