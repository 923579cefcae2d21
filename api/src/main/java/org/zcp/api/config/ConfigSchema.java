package org.zcp.api.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options one configuration file may contain, with their defaults and types. A key that is
 * not in the schema is an error at load time (manual 2.3.1: the service does not start and prints
 * the wrong options); an obsolete one is accepted with a warning ({@link Config#warnings()}).
 */
public final class ConfigSchema {
    private final String name;
    private final Map<String, Option> options;

    /**
     * One option. {@code obsolete}: why an option of the original (or of an older release) is
     * accepted but does nothing here; null for the options that work. An administrator's
     * existing file then starts with a warning naming the option instead of a refusal.
     */
    public record Option(String key, String defaultValue, OptionType type, boolean reloadable, String obsolete) {
        public Option(String key, String defaultValue, OptionType type, boolean reloadable) {
            this(key, defaultValue, type, reloadable, null);
        }
    }

    private ConfigSchema(String name, Map<String, Option> options) {
        this.name = name;
        this.options = Collections.unmodifiableMap(options);
    }

    public String name() {
        return name;
    }

    public Option option(String key) {
        return options.get(key);
    }

    public Set<String> keys() {
        return options.keySet();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public static final class Builder {
        private final String name;
        private final Map<String, Option> options = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder string(String key, String def) {
            return add(key, def, OptionType.STRING, false);
        }

        public Builder integer(String key, int def) {
            return add(key, Integer.toString(def), OptionType.INT, false);
        }

        public Builder bool(String key, boolean def) {
            return add(key, def ? "yes" : "no", OptionType.BOOL, false);
        }

        public Builder size(String key, String def) {
            return add(key, def, OptionType.SIZE, false);
        }

        /** Marks the last added option as re-read on reload (manual 7.1.2). */
        public Builder reloadable() {
            String last = null;
            for (String k : options.keySet()) {
                last = k;
            }
            Option o = options.get(last);
            options.put(last, new Option(o.key(), o.defaultValue(), o.type(), true));
            return this;
        }

        /** An option the original had that does nothing here: accepted with any value, warned about. */
        public Builder obsolete(String key, String why) {
            options.put(key, new Option(key, "", OptionType.STRING, false, why));
            return this;
        }

        public Builder add(String key, String def, OptionType type, boolean reloadable) {
            options.put(key, new Option(key, def, type, reloadable));
            return this;
        }

        /** The logging options every service has (manual 7.2). */
        public Builder logging(String logFile) {
            string("log_method", "file").reloadable();
            string("log_file", logFile).reloadable();
            integer("log_level", 2).reloadable();
            bool("log_timestamp", true).reloadable();
            return this;
        }

        /**
         * The TLS options of a service with its own secure listener (manual 4.10.1, 4.11: the
         * gateway and zarafa-ical have the same set): key and certificate, client verification,
         * and the protocol and cipher policy.
         */
        public Builder tlsService() {
            string("ssl_private_key_file", "/etc/zarafa/privkey.pem");
            string("ssl_certificate_file", "/etc/zarafa/cert.pem");
            bool("ssl_verify_client", false);
            string("ssl_verify_file", "");
            string("ssl_verify_path", "");
            string("ssl_protocols", "");
            string("ssl_ciphers", "");
            bool("ssl_prefer_server_ciphers", false);
            return this;
        }

        public ConfigSchema build() {
            return new ConfigSchema(name, options);
        }
    }
}
