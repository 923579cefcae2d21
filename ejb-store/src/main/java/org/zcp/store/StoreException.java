package org.zcp.store;

import jakarta.ejb.ApplicationException;
import org.zcp.api.mapi.MapiError;

/**
 * A MAPI error raised inside the store. It rolls the transaction back and reaches the client as a
 * SOAP fault with the same error name.
 */
@ApplicationException(rollback = true)
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final MapiError error;

    public StoreException(MapiError error, String message) {
        super(message);
        this.error = error;
    }

    public MapiError error() {
        return error;
    }

    public static StoreException notFound(String what) {
        return new StoreException(MapiError.MAPI_E_NOT_FOUND, what + " not found");
    }

    public static StoreException noAccess(String what) {
        return new StoreException(MapiError.MAPI_E_NO_ACCESS, what);
    }

    public static StoreException invalid(String what) {
        return new StoreException(MapiError.MAPI_E_INVALID_PARAMETER, what);
    }

    public static StoreException collision(String what) {
        return new StoreException(MapiError.MAPI_E_COLLISION, what);
    }
}
