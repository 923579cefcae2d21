package org.zcp.tools.server;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The OpenSSL-style TLS options of server.cfg ({@code server_ssl_protocols},
 * {@code server_ssl_ciphers}) and gateway.cfg ({@code ssl_protocols}, {@code ssl_ciphers})
 * translated to JSSE names (review finding #27: they used to be accepted and ignored). A value
 * that cannot be honoured stops the start with a message; nothing is dropped silently.
 *
 * <p>Protocols: a list such as {@code !SSLv2 !SSLv3} (the original's format: names separated by
 * spaces, {@code !} disables); names given without {@code !} are the only ones enabled. Only
 * TLSv1.2 and TLSv1.3 can be enabled; asking for SSLv2, SSLv3, TLSv1 or TLSv1.1 is refused.
 *
 * <p>Ciphers: an OpenSSL cipher list ({@code ALL:!LOW:!SSLv2:!EXP:!aNULL}, ciphers(1)) evaluated
 * over the TLS 1.2 suites this JDK enables by default, with OpenSSL's operators ({@code !},
 * {@code -}, {@code +}, {@code @STRENGTH}), {@code +}-joined conditions, keywords and suite names
 * (OpenSSL's or the standard {@code TLS_...} ones). As in OpenSSL, the list does not apply to the
 * TLS 1.3 suites, which are always the JDK's. Keywords for algorithms this JDK does not offer
 * (RC4, 3DES, EXPORT, NULL, ...) select nothing.
 */
final class TlsOptions {
    static final List<String> ENABLED_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    private static final List<String> NEVER = List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1");
    private static final Pattern SUITE = Pattern.compile(
            "TLS_(ECDHE_ECDSA|ECDHE_RSA|DHE_RSA|DHE_DSS|RSA)_WITH_(AES_128|AES_256|CHACHA20)_(GCM|CBC|POLY1305)_(SHA|SHA256|SHA384)");
    /** Keywords of ciphers(1) for algorithms never offered here: they select nothing. */
    private static final Set<String> NOTHING = Set.of("COMPLEMENTOFALL", "COMPLEMENTOFDEFAULT", "MEDIUM", "LOW", "EXP",
            "EXPORT", "EXPORT40", "EXPORT56", "ENULL", "NULL", "ANULL", "ADH", "AECDH", "KDH", "KDHR", "KDHD",
            "KECDH", "KECDHR", "3DES", "DES", "RC4", "RC2", "IDEA", "SEED", "MD5", "CAMELLIA",
            "CAMELLIA128", "CAMELLIA256", "ARIA", "ARIA128", "ARIA256", "PSK", "KPSK", "APSK", "KRSAPSK", "KDHEPSK",
            "KECDHEPSK", "SRP", "KSRP", "ASRP", "GOST94", "GOST89MAC", "KGOST", "AGOST", "AGOST01", "SSLV2", "KKRB5",
            "AKRB5", "KRB5", "AESCCM", "AESCCM8", "SUITEB128ONLY", "SUITEB128", "SUITEB192", "KFZA", "AFZA", "EFZA",
            "FZA");

    private TlsOptions() {
    }

    /** The protocols {@code value} enables, best first. */
    static List<String> protocols(String option, String value) {
        Set<String> include = new LinkedHashSet<>();
        Set<String> exclude = new LinkedHashSet<>();
        for (String token : value.trim().split("[\\s,:]+")) {
            if (token.isEmpty()) continue;
            boolean not = token.startsWith("!");
            String name = canonicalProtocol(not ? token.substring(1) : token);
            if (name == null) {
                throw new IllegalArgumentException(option + ": unknown protocol '" + token
                        + "' (SSLv2, SSLv3, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3; '!' disables one)");
            }
            if (not) {
                exclude.add(name);
            } else if (NEVER.contains(name)) {
                throw new IllegalArgumentException(option + ": " + name + " cannot be enabled; it is insecure and never"
                        + " offered (only TLSv1.2 and TLSv1.3 are)");
            } else {
                include.add(name);
            }
        }
        List<String> result = new ArrayList<>();
        for (String p : ENABLED_PROTOCOLS) {
            if ((include.isEmpty() || include.contains(p)) && !exclude.contains(p)) result.add(p);
        }
        if (result.isEmpty()) throw new IllegalArgumentException(option + " = " + value + " leaves no protocol enabled");
        return result;
    }

    private static String canonicalProtocol(String name) {
        for (String p : List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")) {
            if (p.equalsIgnoreCase(name)) return p;
        }
        return "TLSv1.0".equalsIgnoreCase(name) ? "TLSv1" : null;
    }

    /** The TLS 1.2 suites this JDK enables by default, in its order of preference. */
    static List<String> available() {
        try {
            return Arrays.stream(SSLContext.getDefault().getDefaultSSLParameters().getCipherSuites())
                    .filter(s -> SUITE.matcher(s).matches()).toList();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no TLS: " + e.getMessage(), e);
        }
    }

    /** The standard names of the suites an OpenSSL cipher list selects from {@code available}, in order. */
    static List<String> ciphers(String option, String value, List<String> available) {
        List<Suite> universe = available.stream().map(Suite::parse).toList();
        List<Suite> list = new ArrayList<>();
        Set<Suite> killed = new LinkedHashSet<>();
        for (String token : value.trim().split("[\\s,:]+")) {
            if (token.isEmpty()) continue;
            if (token.equalsIgnoreCase("@STRENGTH")) {
                list.sort(Comparator.comparingInt(Suite::bits).reversed());
                continue;
            }
            if (token.startsWith("@")) {
                throw new IllegalArgumentException(option + ": '" + token + "' is not supported (only @STRENGTH is)");
            }
            char op = token.charAt(0);
            String body = "!-+".indexOf(op) >= 0 ? token.substring(1) : token;
            Predicate<Suite> match = s -> true;
            for (String part : body.split("\\+")) {
                Predicate<Suite> p = condition(option, part, universe);
                match = match.and(p);
            }
            Predicate<Suite> m = match;
            switch (op) {
                case '!' -> {
                    list.removeIf(m);
                    universe.stream().filter(m).forEach(killed::add);
                }
                case '-' -> list.removeIf(m);
                case '+' -> {
                    List<Suite> moved = list.stream().filter(m).toList();
                    list.removeAll(moved);
                    list.addAll(moved);
                }
                default -> universe.stream().filter(m).filter(s -> !killed.contains(s) && !list.contains(s))
                        .forEach(list::add);
            }
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException(option + " = " + value + " selects none of the cipher suites offered ("
                    + String.join(":", universe.stream().map(Suite::openssl).toList()) + ")");
        }
        return list.stream().map(Suite::name).toList();
    }

    /** One element of a cipher list: a keyword or a suite name. */
    private static Predicate<Suite> condition(String option, String element, List<Suite> universe) {
        if (element.isEmpty()) throw new IllegalArgumentException(option + ": empty element in the cipher list");
        if (element.contains("-") || element.startsWith("TLS_") || element.startsWith("SSL_")) {
            // a single suite; one this JDK does not offer (RC4-SHA, DES-CBC3-SHA, ...) selects nothing
            return s -> s.name().equalsIgnoreCase(element) || s.openssl().equalsIgnoreCase(element);
        }
        String k = element.toUpperCase(Locale.ROOT);
        if (NOTHING.contains(k)) return s -> false;
        return switch (k) {
            case "ALL", "DEFAULT", "HIGH" -> s -> true;
            case "KRSA" -> s -> s.kx().equals("RSA");
            case "ARSA" -> s -> s.au().equals("RSA");
            case "RSA" -> s -> s.kx().equals("RSA") || s.au().equals("RSA");
            case "KEDH", "KDHE", "EDH", "DHE", "DH" -> s -> s.kx().equals("DHE");
            case "KEECDH", "KECDHE", "EECDH", "ECDHE", "ECDH" -> s -> s.kx().equals("ECDHE");
            case "ADSS", "DSS" -> s -> s.au().equals("DSS");
            case "AECDSA", "ECDSA" -> s -> s.au().equals("ECDSA");
            case "AES" -> s -> s.enc().startsWith("AES");
            case "AES128" -> s -> s.enc().equals("AES_128");
            case "AES256" -> s -> s.enc().equals("AES_256");
            case "AESGCM" -> s -> s.mode().equals("GCM");
            case "CHACHA20" -> s -> s.enc().equals("CHACHA20");
            case "SHA1", "SHA" -> s -> s.mac().equals("SHA");
            case "SHA256" -> s -> s.mac().equals("SHA256");
            case "SHA384" -> s -> s.mac().equals("SHA384");
            case "SSLV3", "TLSV1", "TLSV1.0" -> s -> s.mode().equals("CBC") && s.mac().equals("SHA");
            case "TLSV1.2" -> s -> !(s.mode().equals("CBC") && s.mac().equals("SHA"));
            default -> throw new IllegalArgumentException(option + ": unknown cipher keyword '" + element + "'");
        };
    }

    /** A TLS 1.2 suite by its parts. */
    private record Suite(String name, String kx, String au, String enc, String mode, String mac) {
        static Suite parse(String name) {
            Matcher m = SUITE.matcher(name);
            if (!m.matches()) throw new IllegalArgumentException(name);
            String[] kxAu = m.group(1).split("_");
            return new Suite(name, kxAu[0], kxAu.length > 1 ? kxAu[1] : "RSA", m.group(2), m.group(3), m.group(4));
        }

        int bits() {
            return enc.equals("AES_128") ? 128 : 256;
        }

        /** OpenSSL's name, e.g. ECDHE-RSA-AES128-GCM-SHA256, AES256-SHA, DHE-RSA-CHACHA20-POLY1305. */
        String openssl() {
            String prefix = kx.equals("RSA") ? "" : kx + "-" + au + "-";
            return switch (mode) {
                case "POLY1305" -> prefix + "CHACHA20-POLY1305";
                case "GCM" -> prefix + enc.replace("_", "") + "-GCM-" + mac;
                default -> prefix + enc.replace("_", "") + "-" + mac;
            };
        }
    }
}
