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
 * primary address for every address or login name that delivers to a user.
 */
@MessageDriven(messageListenerInterface = LookupBackend.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "protocol", propertyValue = "lookup")})
@ResourceAdapter("zcp.ear#zcp-gateways.rar")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LookupBean implements LookupBackend {
    @Inject
    Directory directory;

    @Override
    public String lookup(String map, String key) {
        if (!"mailbox".equals(map)) return "PERM unknown map " + map + " (only 'mailbox')";
        // Postfix also asks for "@domain" and bare local parts: only whole addresses are users
        if (key == null || key.indexOf('@') <= 0) return "NOTFOUND ";
        try {
            Optional<DirEntry> user = directory.findUserByAddress(key);
            if (user.isEmpty()) return "NOTFOUND ";
            String primary = user.get().email().isEmpty() ? key : user.get().email();
            return "OK " + primary;
        } catch (RuntimeException e) {
            return "TEMP directory unavailable";
        }
    }
}
