package org.zcp.store.pipeline;

import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Directory;

/** The platform services mailets may use; each is a container-managed bean reference. */
public record Services(ServerSettings settings, Directory directory, Outbound outbound, Object... beans) {

    /** The bean of the given type among {@code beans} (our mailets' store services). */
    public <T> T bean(Class<T> type) {
        for (Object b : beans) {
            if (type.isInstance(b)) return type.cast(b);
        }
        throw new IllegalStateException("no " + type.getSimpleName() + " for mailets");
    }
}
