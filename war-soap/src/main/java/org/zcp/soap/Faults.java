package org.zcp.soap;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.soap.MapiException;
import org.zcp.store.StoreException;

/**
 * Turns what went wrong inside the server into a SOAP fault with a MAPI error name. Internal
 * details go to the server log only; the client sees the error name and a short reason.
 */
final class Faults {
    private static final Logger LOG = Logger.getLogger(Faults.class.getName());

    private Faults() {
    }

    static MapiException of(Throwable t, String operation) {
        Throwable c = t;
        int guard = 0;
        while (c != null && guard++ < 20) {
            if (c instanceof StoreException se) {
                if (LOG.isLoggable(Level.FINE)) LOG.fine(operation + ": " + se.error() + " " + se.getMessage());
                return new MapiException(se.error(), se.getMessage());
            }
            if (c instanceof MapiException me) return me;
            if (c instanceof SQLException || c instanceof PersistenceException && !(c.getCause() instanceof StoreException)) {
                LOG.log(Level.SEVERE, operation + " failed in the database", t);
                return new MapiException(MapiError.MAPI_E_DATABASE_ERROR, "database error, see the server log");
            }
            c = c.getCause() == c ? null : c.getCause();
        }
        LOG.log(Level.SEVERE, operation + " failed", t);
        return new MapiException(MapiError.MAPI_E_CALL_FAILED, "internal error, see the server log");
    }
}
