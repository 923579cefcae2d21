package org.zcp.plugin;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.mailet.MailetContext;

/**
 * What the platform offers a plugin's mailet (manual 6.8), and nothing more: its configuration
 * directory and the directory facts plugins need. A plugin asks for it with
 * {@code Platform.of(getMailetContext())}.
 */
public interface Platform {
    /** The directory server.cfg is in (/etc/zarafa); null when the server runs without one. */
    Path configDirectory();

    /** The name of the company a user belongs to (hosted mode, manual 6.2); empty when none or unknown. */
    Optional<String> companyOf(long userId);

    /** A mailet context of the platform's pipelines offers the platform. */
    interface Provider {
        Platform platform();
    }

    /** The platform of a pipeline's mailet context; IllegalStateException outside the platform's pipelines. */
    static Platform of(MailetContext context) {
        if (context instanceof Provider p) return p.platform();
        throw new IllegalStateException("this mailet runs outside the ZCP pipelines");
    }
}
