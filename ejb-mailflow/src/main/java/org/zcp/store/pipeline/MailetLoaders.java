package org.zcp.store.pipeline;

import jakarta.mail.MessagingException;
import java.util.List;
import org.apache.james.mailetcontainer.api.MailetLoader;
import org.apache.james.mailetcontainer.api.MatcherLoader;
import org.apache.mailet.Mailet;
import org.apache.mailet.MailetConfig;
import org.apache.mailet.Matcher;
import org.apache.mailet.MatcherConfig;

/**
 * Finds the classes a mailetcontainer.xml names: a short name is looked up in our packages first,
 * then in James's standard mailets and matchers; a fully qualified name is taken as it is. Plugin
 * jars of {@code plugin_path} are visible through the class loader given.
 */
public final class MailetLoaders implements MailetLoader, MatcherLoader {
    static final List<String> MAILET_PACKAGES = List.of("org.zcp.store.pipeline.mailets.",
            "org.apache.james.transport.mailets.");
    static final List<String> MATCHER_PACKAGES = List.of("org.zcp.store.pipeline.matchers.",
            "org.apache.james.transport.matchers.", "org.apache.james.mailetcontainer.impl.matchers.");

    private final ClassLoader loader;

    public MailetLoaders(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public Mailet getMailet(MailetConfig config) throws MessagingException {
        Mailet mailet = instantiate(config.getMailetName(), MAILET_PACKAGES, Mailet.class);
        mailet.init(config);
        return mailet;
    }

    @Override
    public Matcher getMatcher(MatcherConfig config) throws MessagingException {
        Matcher matcher = instantiate(config.getMatcherName(), MATCHER_PACKAGES, Matcher.class);
        matcher.init(config);
        return matcher;
    }

    private <T> T instantiate(String name, List<String> packages, Class<T> type) throws MessagingException {
        if (name == null || name.isBlank()) throw new MessagingException("a " + type.getSimpleName() + " needs a name");
        List<String> candidates = name.contains(".") ? List.of(name)
                : packages.stream().map(p -> p + name).toList();
        for (String candidate : candidates) {
            Class<?> cls;
            try {
                cls = Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException e) {
                continue;
            }
            if (!type.isAssignableFrom(cls)) {
                throw new MessagingException(candidate + " is not a " + type.getSimpleName());
            }
            try {
                return type.cast(cls.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                throw new MessagingException("cannot create " + candidate + ": " + e, e instanceof Exception x ? x : null);
            }
        }
        throw new MessagingException("no " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT) + " named '" + name
                + "' (looked for " + String.join(", ", candidates) + " and in the plugin jars)");
    }
}
