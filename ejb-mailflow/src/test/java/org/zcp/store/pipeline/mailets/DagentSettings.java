package org.zcp.store.pipeline.mailets;

import java.util.Map;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;
import org.zcp.store.config.ServerSettings;

/** Server settings for mailet tests: dagent.cfg from the given options, defaults for the rest. */
final class DagentSettings {
    private DagentSettings() {
    }

    static ServerSettings of(Map<String, String> dagent) {
        return new ServerSettings() {
            @Override
            public Config dagent() {
                try {
                    return Config.load(Schemas.DAGENT, null, dagent);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
