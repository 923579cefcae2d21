package org.zcp.tools.soap;

import java.io.Console;

/** The user's terminal, for prompts; absent when the tool runs without one (cron, pipes). */
public interface Terminal {

    /** One line typed by the user, or null at end of input. */
    String readLine(String prompt);

    /** A secret typed without echo, or null at end of input. */
    char[] readPassword(String prompt);

    /** The process's interactive console, or null when there is none. */
    static Terminal system() {
        Console console = System.console();
        if (console == null || !ConsoleCheck.isTerminal(console)) {
            return null;
        }
        return new Terminal() {
            @Override
            public String readLine(String prompt) {
                return console.readLine("%s", prompt);
            }

            @Override
            public char[] readPassword(String prompt) {
                return console.readPassword("%s", prompt);
            }
        };
    }

    /** Since Java 22 System.console() may exist without a terminal; Console.isTerminal() tells. */
    final class ConsoleCheck {
        private ConsoleCheck() {
        }

        static boolean isTerminal(Console console) {
            try {
                return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return true; // Java 21: a console only exists for a terminal
            }
        }
    }
}
