package org.zcp.store.pipeline.mailets;

import jakarta.mail.MessagingException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.mailet.Mail;
import org.apache.mailet.Mailet;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.MailetContext;
import org.apache.mailet.base.GenericMailet;

/**
 * The plugin hook of a pipeline (manual 6.8): runs every mailet the jars in {@code plugin_path}
 * declare in {@code META-INF/services/org.apache.mailet.Mailet}, jar by jar in name order (link
 * them as {@code 10-movetopublic.jar}, ... to choose the order). A plugin that ends the processing
 * (state ghost, or another processor) ends it here too.
 */
public class Plugins extends GenericMailet {
    private static final Logger LOG = Logger.getLogger(Plugins.class.getName());
    private final List<Mailet> plugins = new ArrayList<>();

    @Override
    public void init() throws MessagingException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (!(loader instanceof URLClassLoader pluginLoader) || pluginLoader.getName() == null
                || !pluginLoader.getName().endsWith("-plugins")) {
            return; // plugin_enabled = no, or no jars in plugin_path
        }
        for (Mailet m : ServiceLoader.load(Mailet.class, pluginLoader)) {
            if (m.getClass().getClassLoader() != pluginLoader) continue;
            m.init(config(m.getClass().getSimpleName(), getMailetContext()));
            plugins.add(m);
            LOG.info("plugin " + m.getClass().getName() + " loaded: " + m.getMailetInfo());
        }
    }

    @Override
    public void service(Mail mail) throws MessagingException {
        String state = mail.getState();
        for (Mailet plugin : plugins) {
            try {
                plugin.service(mail);
            } catch (RuntimeException e) {
                if (transientFault(e)) throw e;
                // a plugin that breaks on what a message holds must not make it undeliverable for
                // ever (security review #21/#22): the message goes on without that plugin's change
                LOG.log(Level.WARNING, "plugin " + plugin.getClass().getName() + " failed on " + mail.getName()
                        + "; continuing without it", e);
                continue;
            }
            if (Mail.GHOST.equals(mail.getState()) || state != null && !state.equals(mail.getState())) return;
        }
    }

    /** A failure of the store or its database (the MTA should retry), not of the message. */
    static boolean transientFault(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof org.zcp.store.StoreException || c instanceof jakarta.persistence.PersistenceException
                    || c instanceof java.sql.SQLException || c instanceof jakarta.ejb.EJBException) {
                return true;
            }
            if (c.getCause() == c) break;
        }
        return false;
    }

    @Override
    public void destroy() {
        for (Mailet m : plugins) m.destroy();
    }

    /** The names of the loaded plugins, in the order they run. */
    public List<String> loaded() {
        return plugins.stream().map(m -> m.getClass().getName()).toList();
    }

    /** The configuration of a mailet without init parameters (plugins, and mailets in tests). */
    static MailetConfig config(String name, MailetContext context) {
        return new MailetConfig() {
            @Override
            public String getInitParameter(String key) {
                return null;
            }

            @Override
            public Iterator<String> getInitParameterNames() {
                return Collections.emptyIterator();
            }

            @Override
            public MailetContext getMailetContext() {
                return context;
            }

            @Override
            public String getMailetName() {
                return name;
            }
        };
    }

    @Override
    public String getMailetInfo() {
        return "Runs the plugins of plugin_path";
    }
}
