package org.zcp.api.soap;

import jakarta.xml.ws.WebFault;
import org.zcp.api.mapi.MapiError;

/**
 * A MAPI error as a SOAP fault. The fault string starts with the error name so that any client
 * can tell MAPI_E_NO_ACCESS from MAPI_E_NOT_FOUND without parsing the detail.
 */
@WebFault(name = "MapiFault", targetNamespace = "urn:zarafa")
public class MapiException extends Exception {
    private static final long serialVersionUID = 1L;
    private final FaultInfo faultInfo;

    public MapiException(MapiError error, String message) {
        super(error.name() + ": " + message);
        this.faultInfo = new FaultInfo();
        faultInfo.error = error.name();
        faultInfo.code = error.hex();
        faultInfo.message = message;
    }

    /** JAX-WS constructor. */
    public MapiException(String message, FaultInfo faultInfo) {
        super(message);
        this.faultInfo = faultInfo;
    }

    public MapiException(String message, FaultInfo faultInfo, Throwable cause) {
        super(message, cause);
        this.faultInfo = faultInfo;
    }

    public FaultInfo getFaultInfo() {
        return faultInfo;
    }

    public MapiError error() {
        try {
            return MapiError.valueOf(faultInfo.error);
        } catch (RuntimeException e) {
            return MapiError.MAPI_E_CALL_FAILED;
        }
    }
}
