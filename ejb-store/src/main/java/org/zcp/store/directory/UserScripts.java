package org.zcp.store.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.zcp.store.config.ServerSettings;

/**
 * The event scripts of manual 8.5.1.1 (createuser_script, deleteuser_script, creategroup_script,
 * deletegroup_script, createcompany_script, deletecompany_script): run, when present and
 * executable, after the server itself has done what is necessary (store creation or orphaning).
 * They get the object's name in ZARAFA_USER, ZARAFA_GROUP or ZARAFA_COMPANY, as the original's.
 */
@ApplicationScoped
public class UserScripts {
    private static final Logger LOG = Logger.getLogger(UserScripts.class.getName());

    @Inject
    ServerSettings settings;

    public void run(String option, String variable, String name) {
        String script = settings.get(option);
        if (script == null || script.isEmpty()) return;
        Path p = Path.of(script);
        if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            LOG.fine(option + " " + script + " not present; nothing to run");
            return;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(p.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Map<String, String> env = pb.environment();
            env.put(variable, name);
            Process proc = pb.start();
            if (!proc.waitFor(60, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                LOG.warning(option + " " + script + " did not finish within 60 s for " + name);
            } else if (proc.exitValue() != 0) {
                LOG.warning(option + " " + script + " failed with exit code " + proc.exitValue() + " for " + name);
            }
        } catch (Exception e) {
            LOG.warning("cannot run " + option + " " + script + ": " + e.getMessage());
        }
    }
}
