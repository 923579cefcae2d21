package org.zcp.store.pipeline;

import jakarta.mail.MessagingException;
import java.io.InputStream;
import org.apache.commons.configuration2.HierarchicalConfiguration;
import org.apache.commons.configuration2.XMLConfiguration;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.apache.james.mailetcontainer.impl.CompositeProcessorImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;

/**
 * One mail pipeline (delivery or spooler): the named processors of a mailetcontainer.xml run by
 * the James mailet container, embedded without its server (DESIGN.md, docs/adr/0004). Processing
 * is synchronous, in the caller's thread and transaction.
 */
public final class MailPipeline implements AutoCloseable {
    private final String name;
    private final CompositeProcessorImpl processor;

    private MailPipeline(String name, CompositeProcessorImpl processor) {
        this.name = name;
        this.processor = processor;
    }

    /** Reads {@code <mailetcontainer><processors>...} and initialises every mailet and matcher. */
    public static MailPipeline load(String name, InputStream xml, MailetContext context, MailetLoaders loaders)
            throws PipelineException {
        XMLConfiguration conf = new XMLConfiguration();
        try {
            new FileHandler(conf).load(xml);
        } catch (org.apache.commons.configuration2.ex.ConfigurationException e) {
            throw new PipelineException(name + ": not a mailetcontainer file: " + e.getMessage(), e);
        }
        if (conf.configurationsAt("processors").isEmpty()) {
            throw new PipelineException(name + ": the file has no <processors> element");
        }
        // a second container in the same JVM must not register the same MBeans
        conf.setProperty("processors[@enableJmx]", "false");
        HierarchicalConfiguration<ImmutableNode> processors = conf.configurationAt("processors");
        CompositeProcessorImpl p = new CompositeProcessorImpl(new NoMetrics(), context, loaders, loaders);
        try {
            p.configure(processors);
            p.init();
        } catch (Exception e) {
            p.dispose();
            throw new PipelineException(name + ": " + e.getMessage(), e);
        }
        return new MailPipeline(name, p);
    }

    public String name() {
        return name;
    }

    public void service(Mail mail) throws MessagingException {
        processor.service(mail);
    }

    @Override
    public void close() {
        processor.dispose();
    }

    /** A pipeline file that cannot be used; the message says which file and why. */
    public static final class PipelineException extends Exception {
        private static final long serialVersionUID = 1L;

        public PipelineException(String message) {
            super(message);
        }

        public PipelineException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
