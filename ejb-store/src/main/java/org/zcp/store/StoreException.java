package org.zcp.store;

import jakarta.ejb.ApplicationException;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.api.StoreFailure;

/**
 * A MAPI error raised inside the store. It rolls the transaction back and reaches the client as a
 * SOAP fault with the same error name; other adapters see its {@link #kind()}.
 */
@ApplicationException(rollback = true)
public class StoreException extends StoreFailure {
    private static final long serialVersionUID = 1L;
    private final MapiError error;

    public StoreException(MapiError error, String message) {
        super(message);
        this.error = error;
    }

    public MapiError error() {
        return error;
    }

    @Override
    public Kind kind() {
        return switch (error) {
            case MAPI_E_NOT_FOUND, MAPI_E_INVALID_ENTRYID, MAPI_E_UNKNOWN_ENTRYID, MAPI_E_OBJECT_DELETED -> Kind.NOT_FOUND;
            case MAPI_E_NO_ACCESS, MAPI_E_LOGON_FAILED -> Kind.NO_ACCESS;
            case MAPI_E_STORE_FULL -> Kind.QUOTA;
            case MAPI_E_COLLISION -> Kind.EXISTS;
            case MAPI_E_OBJECT_CHANGED -> Kind.CONFLICT;
            case MAPI_E_INVALID_PARAMETER, MAPI_E_BAD_VALUE, MAPI_E_INVALID_TYPE, MAPI_E_TOO_BIG, MAPI_E_NO_SUPPORT,
                    MAPI_E_STRING_TOO_LONG, MAPI_E_UNKNOWN_FLAGS, MAPI_E_FOLDER_CYCLE, MAPI_E_HAS_FOLDERS,
                    MAPI_E_HAS_MESSAGES -> Kind.INVALID;
            case MAPI_E_END_OF_SESSION -> Kind.SESSION_ENDED;
            default -> Kind.TEMPORARY;
        };
    }

    /** The store exception in a cause chain (container exceptions wrap it), or null. */
    public static StoreException in(Throwable t) {
        return StoreFailure.in(t) instanceof StoreException se ? se : null;
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
