package org.zcp.store.pipeline;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.zcp.api.config.Config;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.delivery.MailboxWriter;
import org.zcp.store.delivery.OutOfOfficeService;
import org.zcp.store.directory.Directory;
import org.zcp.store.pipeline.MailPipeline.PipelineException;
import org.zcp.store.api.DeliveryRules;

/**
 * The two mail pipelines of the server, each built on first use from its mailetcontainer file
 * ({@code mailetcontainer_file} of dagent.cfg and spooler.cfg, relative to the configuration
 * directory; the built-in default when the file does not exist). Plugin jars in
 * {@code plugin_path} join the class path of their pipeline when {@code plugin_enabled}.
 */
@Singleton
@jakarta.ejb.Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Pipelines {
    private static final Logger LOG = Logger.getLogger(Pipelines.class.getName());
    public static final String DELIVERY = "dagent";
    public static final String SPOOLER = "spooler";

    @Inject
    ServerSettings settings;

    @Inject
    Directory directory;

    @Inject
    MailboxWriter mailbox;

    @Inject
    OutOfOfficeService oof;

    @Inject
    Outbound spooler;

    @Inject
    DeliveryRules rules;

    @Inject
    org.zcp.store.api.Calendars calendars;

    private MailPipeline delivery;
    private MailPipeline spooling;
    private final List<URLClassLoader> pluginLoaders = new ArrayList<>();

    /**
     * Both pipelines are built at start, so a broken mailetcontainer file or plugin shows in the
     * log at once; the server still starts, and every message meets the same error (delivery
     * answers 4xx, the spooler retries) until the file is fixed and the server restarted.
     */
    @jakarta.annotation.PostConstruct
    void start() {
        for (Runnable build : List.<Runnable>of(this::delivery, this::spooler)) {
            try {
                build.run();
            } catch (RuntimeException e) {
                LOG.severe(e.getMessage());
            }
        }
    }

    public synchronized MailPipeline delivery() {
        if (delivery == null) delivery = build(DELIVERY, settings.dagent());
        return delivery;
    }

    public synchronized MailPipeline spooler() {
        if (spooling == null) spooling = build(SPOOLER, settings.spooler());
        return spooling;
    }

    private MailPipeline build(String name, Config cfg) {
        Services services = new Services(settings, directory, spooler, mailbox, oof, rules, calendars);
        ClassLoader loader = pluginLoader(name, cfg);
        Path file = configured(cfg.get("mailetcontainer_file"));
        try (InputStream in = file != null && Files.isReadable(file) ? Files.newInputStream(file)
                : Pipelines.class.getResourceAsStream(name + "-mailetcontainer.xml")) {
            String source = file != null && Files.isReadable(file) ? file.toString() : "built-in " + name
                    + "-mailetcontainer.xml";
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                MailPipeline p = MailPipeline.load(source, in, new PipelineContext(name, services), new MailetLoaders(loader));
                LOG.info(name + " pipeline ready (" + source + ")");
                return p;
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        } catch (IOException | PipelineException e) {
            throw new IllegalStateException("the " + name + " pipeline cannot start: " + e.getMessage(), e);
        }
    }

    private Path configured(String value) {
        if (value == null || value.isBlank()) return null;
        Path p = Path.of(value.trim());
        if (p.isAbsolute()) return p;
        Path dir = settings.configDirectory();
        return dir == null ? null : dir.resolve(p);
    }

    /** manual 6.8.3: plugins are activated by linking them into plugin_path. */
    private ClassLoader pluginLoader(String name, Config cfg) {
        ClassLoader parent = Pipelines.class.getClassLoader();
        if (!cfg.getBool("plugin_enabled")) return parent;
        Path dir = Path.of(cfg.get("plugin_path"));
        if (!Files.isDirectory(dir)) return parent;
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(jar.toRealPath().toUri().toURL());
                LOG.info(name + " plugin " + jar.getFileName() + " enabled");
            }
        } catch (IOException e) {
            LOG.warning(name + " plugins in " + dir + " cannot be read: " + e.getMessage());
            return parent;
        }
        if (jars.isEmpty()) return parent;
        URLClassLoader l = new URLClassLoader(name + "-plugins", jars.toArray(URL[]::new), parent);
        pluginLoaders.add(l);
        return l;
    }

    @PreDestroy
    synchronized void close() {
        if (delivery != null) delivery.close();
        if (spooling != null) spooling.close();
        for (URLClassLoader l : pluginLoaders) {
            try {
                l.close();
            } catch (IOException ignored) {
                // the server is stopping
            }
        }
    }
}
