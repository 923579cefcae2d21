package org.zcp.store.pipeline;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.james.core.Domain;
import org.apache.james.core.MailAddress;
import org.apache.james.core.MaybeSender;
import org.apache.mailet.HostAddress;
import org.apache.mailet.LookupException;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.zcp.plugin.Platform;

/**
 * What a mailet sees of the platform: local users and domains from the directory, the postmaster
 * ({@code system_email_address}), and {@code sendMail}, which hands a new message to the spooler
 * in the name of the store owner the pipeline is working for (autoresponder, forward, bounce).
 */
public final class PipelineContext implements MailetContext, Platform.Provider {
    private static final ThreadLocal<Long> OWNER = new ThreadLocal<>();

    private final String name;
    private final Services services;
    private final Logger log;
    private final org.slf4j.Logger slf4j;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    public PipelineContext(String name, Services services) {
        this.name = name;
        this.services = services;
        this.log = Logger.getLogger("org.zcp.store.pipeline." + name);
        this.slf4j = org.slf4j.LoggerFactory.getLogger("org.zcp.store.pipeline." + name);
    }

    /** The platform services our mailets use. */
    public Services services() {
        return services;
    }

    /** What a plugin may use (org.zcp.plugin.Platform): the configuration directory and company names. */
    @Override
    public Platform platform() {
        return new Platform() {
            @Override
            public java.nio.file.Path configDirectory() {
                return services.settings().configDirectory();
            }

            @Override
            public java.util.Optional<String> companyOf(long userId) {
                try {
                    return java.util.Optional.ofNullable(services.directory()
                            .companyName(services.directory().require(userId).companyId()));
                } catch (org.zcp.store.StoreException unknown) {
                    return java.util.Optional.empty();
                }
            }
        };
    }

    /** Runs {@code work} with {@code userId} as the owner of whatever the mailets send. */
    public static void runFor(long userId, MailWork work) throws MessagingException {
        Long before = OWNER.get();
        OWNER.set(userId);
        try {
            work.run();
        } finally {
            if (before == null) OWNER.remove(); else OWNER.set(before);
        }
    }

    /** The store owner the current pipeline run works for. */
    public static long owner() throws MessagingException {
        Long id = OWNER.get();
        if (id == null) throw new MessagingException("no store owner for this pipeline run");
        return id;
    }

    @FunctionalInterface
    public interface MailWork {
        void run() throws MessagingException;
    }

    @Override
    public int getMajorVersion() {
        return 3;
    }

    @Override
    public int getMinorVersion() {
        return 9;
    }

    @Override
    public String getServerInfo() {
        return "Zarafa 7.1 (ZCP/Java) " + name + " pipeline";
    }

    @Override
    public Iterator<String> getAttributeNames() {
        return List.copyOf(attributes.keySet()).iterator();
    }

    @Override
    public Object getAttribute(String key) {
        return attributes.get(key);
    }

    @Override
    public void setAttribute(String key, Object value) {
        if (value == null) attributes.remove(key); else attributes.put(key, value);
    }

    @Override
    public void removeAttribute(String key) {
        attributes.remove(key);
    }

    @Override
    public void log(String message) {
        log.info(message);
    }

    @Override
    public void log(String message, Throwable t) {
        log.log(Level.WARNING, message, t);
    }

    @Override
    public void log(LogLevel level, String message) {
        log.log(level(level), message);
    }

    @Override
    public void log(LogLevel level, String message, Throwable t) {
        log.log(level(level), message, t);
    }

    private static Level level(LogLevel l) {
        return switch (l) {
            case DEBUG -> Level.FINE;
            case INFO -> Level.INFO;
            case WARN -> Level.WARNING;
            case ERROR -> Level.SEVERE;
        };
    }

    @Override
    public MailAddress getPostmaster() {
        String a = services.settings().get("system_email_address").trim();
        try {
            return new MailAddress(a.isEmpty() ? "postmaster@localhost" : a);
        } catch (AddressException e) {
            try {
                return new MailAddress("postmaster@localhost");
            } catch (AddressException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Override
    public boolean isLocalServer(Domain domain) {
        return domain != null && services.directory().isLocalDomain(domain.asString());
    }

    @Override
    public boolean isLocalUser(String userAccount) {
        return userAccount != null && services.directory().findUser(userAccount).isPresent();
    }

    @Override
    public boolean isLocalEmail(MailAddress address) {
        return address != null && services.directory().findUserByAddress(address.asString()).isPresent();
    }

    @Override
    public Collection<String> getMailServers(Domain domain) {
        return List.of(services.settings().spooler().get("smtp_server"));
    }

    @Override
    public Iterator<HostAddress> getSMTPHostAddresses(Domain domain) {
        return java.util.Collections.emptyIterator();
    }

    @Override
    public void sendMail(MimeMessage message) throws MessagingException {
        MailAddress from = message.getFrom() == null || message.getFrom().length == 0 ? null
                : new MailAddress(message.getFrom()[0].toString());
        List<MailAddress> to = new java.util.ArrayList<>();
        if (message.getAllRecipients() != null) {
            for (var a : message.getAllRecipients()) to.add(new MailAddress(a.toString()));
        }
        sendMail(from, to, message);
    }

    @Override
    public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message)
            throws MessagingException {
        services.outbound().submit(owner(), sender == null ? MaybeSender.nullSender() : MaybeSender.of(sender),
                recipients.stream().map(MailAddress::asString).toList(), message);
    }

    @Override
    public void sendMail(MailAddress sender, Collection<MailAddress> recipients, MimeMessage message, String state)
            throws MessagingException {
        sendMail(sender, recipients, message);
    }

    @Override
    public void sendMail(Mail mail) throws MessagingException {
        services.outbound().submit(owner(), mail.getMaybeSender(),
                mail.getRecipients().stream().map(MailAddress::asString).toList(), mail.getMessage());
    }

    @Override
    public void sendMail(Mail mail, long delay, TimeUnit unit) throws MessagingException {
        sendMail(mail);
    }

    @Override
    public void sendMail(Mail mail, String state) throws MessagingException {
        sendMail(mail);
    }

    @Override
    public void sendMail(Mail mail, String state, long delay, TimeUnit unit) throws MessagingException {
        sendMail(mail);
    }

    @Override
    public void bounce(Mail mail, String message) throws MessagingException {
        bounce(mail, message, getPostmaster());
    }

    @Override
    public void bounce(Mail mail, String message, MailAddress bouncer) throws MessagingException {
        if (!mail.hasSender()) {
            log.info("not bouncing " + mail.getName() + ": it has no sender");
            return;
        }
        MimeMessage report = Reports.bounce(mail, message, bouncer);
        services.outbound().submit(owner(), MaybeSender.nullSender(), List.of(mail.getMaybeSender().asString()), report);
    }

    @Override
    public List<String> dnsLookup(String name, RecordType type) throws LookupException {
        throw new LookupException("DNS lookups are the MTA's business (smtp_server of spooler.cfg)");
    }

    @Override
    public org.slf4j.Logger getLogger() {
        return slf4j;
    }
}
