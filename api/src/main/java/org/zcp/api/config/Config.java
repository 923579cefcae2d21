package org.zcp.api.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A parsed configuration file in the manual's format: {@code key = value} lines, {@code #}
 * comments, {@code !include file} and {@code !propmap file} directives. Options absent from the
 * file take the schema's default. Unknown options and values of the wrong type are collected and
 * reported together.
 */
public final class Config {
    private static final int MAX_INCLUDE_DEPTH = 8;

    private final ConfigSchema schema;
    private final Path file;
    private final Map<String, String> values;
    private final List<Path> propmaps;
    private final List<String> warnings;

    private Config(ConfigSchema schema, Path file, Map<String, String> values, List<Path> propmaps,
            List<String> warnings) {
        this.schema = schema;
        this.file = file;
        this.values = values;
        this.propmaps = propmaps;
        this.warnings = warnings;
    }

    /** Only the schema's defaults, for a service started without a file. */
    public static Config defaults(ConfigSchema schema) {
        return new Config(schema, null, new LinkedHashMap<>(), List.of(), List.of());
    }

    /** Loads {@code file}; a missing file yields the defaults, as the original does. */
    public static Config load(ConfigSchema schema, Path file) throws ConfigException {
        return load(schema, file, Map.of());
    }

    /**
     * Loads {@code file} and then applies {@code overrides} (command line {@code --key=value}
     * style), which are checked against the schema like file lines.
     */
    public static Config load(ConfigSchema schema, Path file, Map<String, String> overrides) throws ConfigException {
        Map<String, String> values = new LinkedHashMap<>();
        List<Path> propmaps = new ArrayList<>();
        Findings found = new Findings();
        if (file != null && Files.exists(file)) {
            read(schema, file, values, propmaps, found, new HashSet<>(), 0);
        }
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            check(schema, e.getKey(), e.getValue(), "command line", found);
            values.put(e.getKey(), e.getValue());
        }
        if (!found.problems.isEmpty()) {
            throw new ConfigException(found.problems);
        }
        return new Config(schema, file, values, Collections.unmodifiableList(propmaps), List.copyOf(found.warnings));
    }

    /** What reading found: problems stop the load, warnings (obsolete options) do not. */
    private static final class Findings {
        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
    }

    private static void read(ConfigSchema schema, Path file, Map<String, String> values, List<Path> propmaps,
            Findings found, Set<Path> seen, int depth) {
        List<String> problems = found.problems;
        Path real = file.toAbsolutePath().normalize();
        if (depth > MAX_INCLUDE_DEPTH || !seen.add(real)) {
            problems.add(file + ": include loop or nesting too deep");
            return;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return;
        }
        int n = 0;
        for (String raw : lines) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            String where = file + " line " + n;
            if (line.startsWith("!")) {
                String[] parts = line.substring(1).split("\\s+", 2);
                String arg = parts.length > 1 ? parts[1].strip() : "";
                Path target;
                try {
                    target = resolve(file, arg);
                } catch (InvalidPathException e) {
                    // found by ConfigFuzzTest: a NUL in the name escaped as an unchecked exception
                    problems.add(where + ": '!" + parts[0] + "' names an invalid file: " + e.getReason());
                    continue;
                }
                switch (parts[0]) {
                    case "include" -> {
                        if (arg.isEmpty()) {
                            problems.add(where + ": !include needs a file name");
                        } else if (!Files.isReadable(target)) {
                            problems.add(where + ": included file " + target + " cannot be read");
                        } else if (!Files.isRegularFile(target)) {
                            // a device or FIFO (/dev/zero, a pipe) would be read for ever
                            problems.add(where + ": included file " + target + " is not a regular file");
                        } else {
                            read(schema, target, values, propmaps, found, seen, depth + 1);
                        }
                    }
                    case "propmap" -> {
                        if (arg.isEmpty()) {
                            problems.add(where + ": !propmap needs a file name");
                        } else {
                            propmaps.add(target);
                        }
                    }
                    default -> problems.add(where + ": unknown directive '!" + parts[0] + "'");
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                problems.add(where + ": not an option line: '" + line + "'");
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (check(schema, key, value, where, found)) {
                values.put(key, value);
            }
        }
    }

    private static boolean check(ConfigSchema schema, String key, String value, String where, Findings found) {
        ConfigSchema.Option option = schema.option(key);
        if (option == null) {
            found.problems.add(where + ": unknown option '" + key + "'");
            return false;
        }
        if (option.obsolete() != null) {
            found.warnings.add(where + ": option '" + key + "' is obsolete and ignored: " + option.obsolete());
            return true;
        }
        if (!option.type().accepts(value)) {
            found.problems.add(where + ": option '" + key + "' has invalid value '" + value + "' (expected "
                    + option.type().name().toLowerCase(Locale.ROOT) + ")");
            return false;
        }
        return true;
    }

    /** The obsolete options the file sets, each "file line N: option 'x' is obsolete and ignored: why". */
    public List<String> warnings() {
        return warnings;
    }

    private static Path resolve(Path file, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) return p;
        Path dir = file.toAbsolutePath().getParent();
        return dir == null ? p : dir.resolve(p);
    }

    public ConfigSchema schema() {
        return schema;
    }

    /** The file this configuration came from, or null. */
    public Path file() {
        return file;
    }

    /** The directory of the file, where sibling configuration files (gateway.cfg, ...) live. */
    public Path directory() {
        return file == null ? Path.of(".").toAbsolutePath() : file.toAbsolutePath().getParent();
    }

    public List<Path> propmaps() {
        return propmaps;
    }

    public boolean isSet(String key) {
        return values.containsKey(key);
    }

    public String get(String key) {
        ConfigSchema.Option o = schema.option(key);
        if (o == null) {
            throw new IllegalArgumentException("option '" + key + "' is not part of " + schema.name() + ".cfg");
        }
        String v = values.get(key);
        return v != null ? v : o.defaultValue();
    }

    public int getInt(String key) {
        String v = get(key);
        return v.isEmpty() ? 0 : Integer.parseInt(v);
    }

    public long getLong(String key) {
        String v = get(key);
        return v.isEmpty() ? 0 : Long.parseLong(v);
    }

    public boolean getBool(String key) {
        Boolean b = parseBool(get(key));
        return b != null && b;
    }

    public long getSize(String key) {
        String v = get(key);
        return v.isEmpty() ? 0 : parseSize(v);
    }

    /** A space- or comma-separated list. */
    public List<String> getList(String key) {
        String v = get(key).strip();
        if (v.isEmpty()) return List.of();
        return Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    }

    public Path getPath(String key) {
        String v = get(key);
        return v.isEmpty() ? null : Path.of(v);
    }

    /** All effective values, defaults included, in schema order. */
    public Map<String, String> effective() {
        Map<String, String> all = new LinkedHashMap<>();
        for (String k : schema.keys()) {
            all.put(k, get(k));
        }
        return all;
    }

    static Boolean parseBool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1", "y" -> Boolean.TRUE;
            case "no", "false", "off", "0", "n", "" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Bytes of a size like 256M, 5M, 16K, 1G, 1024; -1 when it is not a size. */
    static long parseSize(String v) {
        String s = v.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("B")) s = s.substring(0, s.length() - 1);
        long mult = 1;
        if (!s.isEmpty()) {
            char u = s.charAt(s.length() - 1);
            switch (u) {
                case 'K' -> mult = 1024L;
                case 'M' -> mult = 1024L * 1024;
                case 'G' -> mult = 1024L * 1024 * 1024;
                case 'T' -> mult = 1024L * 1024 * 1024 * 1024;
                default -> mult = 0;
            }
            if (mult != 0) s = s.substring(0, s.length() - 1).strip();
            else mult = 1;
        }
        // more than 18 digits, or a product beyond a long, is not a size (and must not throw)
        if (!s.matches("\\d{1,18}")) return -1;
        try {
            return Math.multiplyExact(Long.parseLong(s), mult);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
