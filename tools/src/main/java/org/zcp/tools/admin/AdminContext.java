package org.zcp.tools.admin;

import java.io.PrintStream;
import java.util.function.Supplier;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.tools.soap.Terminal;

/** What an action works with: the server, its session, the output and the terminal for -P. */
record AdminContext(ZarafaCmd cmd, String session, PrintStream out, Supplier<Terminal> terminal) {
}
