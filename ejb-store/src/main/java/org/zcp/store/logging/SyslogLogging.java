package org.zcp.store.logging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.zcp.store.config.ServerSettings;

/**
 * {@code log_method = syslog} (manual 7.2): the server's messages go to the mail facility of the
 * system log through logger(1), which reaches the local syslog socket. With {@code log_method =
 * file} the WildFly file handler configured by zarafa-server writes {@code log_file} instead.
 */
@Singleton
@Startup
@DependsOn("ServerSettings")
public class SyslogLogging {
    private static final Logger ROOT = Logger.getLogger("org.zcp");

    @Inject
    ServerSettings settings;

    private Process logger;
    private Handler handler;

    @PostConstruct
    void start() {
        if (!"syslog".equalsIgnoreCase(settings.get("log_method"))) return;
        try {
            logger = SyslogPipe.start("mail.info");
        } catch (IOException e) {
            ROOT.warning("log_method = syslog but logger(1) cannot be run: " + e.getMessage());
            return;
        }
        PrintStream out = new PrintStream(logger.getOutputStream(), true, StandardCharsets.UTF_8);
        SimpleFormatter format = new SimpleFormatter();
        handler = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                if (!isLoggable(r)) return;
                String msg = format.formatMessage(r).replace('\n', ' ');
                out.println("[" + r.getLevel().getName().toLowerCase() + "] " + msg);
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.close();
            }
        };
        handler.setLevel(level(settings.getInt("log_level")));
        ROOT.addHandler(handler);
    }

    @PreDestroy
    void stop() {
        if (handler != null) {
            ROOT.removeHandler(handler);
            handler.close();
        }
        if (logger != null) logger.destroy();
    }

    /** manual 7.2: 0 nothing ... 6 everything. */
    static Level level(int logLevel) {
        return switch (logLevel) {
            case 0 -> Level.OFF;
            case 1, 2 -> Level.SEVERE;
            case 3 -> Level.WARNING;
            case 4 -> Level.INFO;
            case 5 -> Level.FINE;
            default -> Level.ALL;
        };
    }
}
