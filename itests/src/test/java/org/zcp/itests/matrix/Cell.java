package org.zcp.itests.matrix;

import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.ZarafaCmd;

/** One cell being run: the calling role and the shared fixture. */
public final class Cell {
    public final Role role;
    public final MatrixWorld w;
    public final ZarafaCmd c;

    Cell(Role role, MatrixWorld w) {
        this.role = role;
        this.w = w;
        this.c = w.c;
    }

    /** The role's SOAP session; a role whose logon was refused throws {@link LogonRefused}. */
    public String sid() {
        return w.session(role);
    }

    public String login() {
        return w.login(role);
    }

    public String password() {
        return w.password(role);
    }

    /** The role's logon failed at fixture time (the non-active user): the cell's outcome is that error. */
    public static final class LogonRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final String error;

        LogonRefused(MapiException e) {
            super(e.getMessage(), e);
            this.error = e.getFaultInfo().error;
        }
    }
}
