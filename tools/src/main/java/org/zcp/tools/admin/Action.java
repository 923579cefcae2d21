package org.zcp.tools.admin;

import org.zcp.api.soap.MapiException;

/**
 * The one thing an invocation does. {@code what} completes "Unable to ..." when the server
 * refuses it, e.g. "create user".
 */
record Action(String what, Handler handler) {

    interface Handler {
        void run(AdminContext ctx) throws MapiException, AdminException;
    }
}
