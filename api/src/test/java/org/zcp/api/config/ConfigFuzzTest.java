package org.zcp.api.config;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzzes the configuration parser with any file content under any of the shipped schemas.
 * Invariants: loading fails only with {@link ConfigException} (all problems reported together);
 * a file that loads can be read through the typed getters of every option without an exception,
 * i.e. what the type check accepts, the getter understands.
 */
class ConfigFuzzTest {
    static final List<ConfigSchema> SCHEMAS =
            List.of(Schemas.SERVER, Schemas.GATEWAY, Schemas.DAGENT, Schemas.SPOOLER, Schemas.ADMIN);
    static final Path DIR = dir();

    static Path dir() {
        try {
            return Files.createTempDirectory("config-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void loadingFailsOnlyWithConfigExceptionAndLoadedValuesAreReadable(FuzzedDataProvider data) throws IOException {
        ConfigSchema schema = SCHEMAS.get(data.consumeInt(0, SCHEMAS.size() - 1));
        Path file = DIR.resolve(schema.name() + ".cfg");
        Files.write(file, data.consumeRemainingAsBytes());
        Config config;
        try {
            config = Config.load(schema, file);
        } catch (ConfigException e) {
            return;
        }
        for (String key : schema.keys()) {
            switch (schema.option(key).type()) {
                case INT -> config.getInt(key);
                case SIZE -> config.getSize(key);
                case BOOL -> config.getBool(key);
                case STRING -> config.getList(key);
            }
        }
        config.effective();
    }
}
