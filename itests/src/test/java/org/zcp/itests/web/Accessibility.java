package org.zcp.itests.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * axe-core (the WebJar, run inside the page through WebDriver, which the page's CSP does not
 * govern) on what the browser shows now: WCAG 2.1 A and AA rules; violations of impact "serious"
 * or "critical" fail the check with each rule, its help and the elements it found, so the message
 * says what to mend. Lesser findings ("minor", "moderate") are returned for the report.
 */
final class Accessibility {
    private static final String AXE = load();

    private Accessibility() {
    }

    private static String load() {
        try (InputStream in = Accessibility.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe-core is not on the test class path (org.webjars.npm:axe-core)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A violation: rule id, impact, help text, and the CSS targets of the elements it found. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        @Override
        public String toString() {
            return rule + " (" + impact + "): " + help + " " + targets;
        }
    }

    /**
     * Runs axe on the page as it is now (the whole document, or the open modal dialog; frames with
     * mail content are the mail's, outside the app's control, and left out); fails on serious or
     * critical violations.
     * Returns the others.
     */
    static List<Violation> check(Browser b, String view) {
        if (!Boolean.TRUE.equals(b.script("return typeof window.axe === 'object'"))) b.script(AXE + "\nreturn true;");
        // a modal dialog (showModal) makes the rest of the page inert: then the dialog is what is checked
        // (axe would measure the contrast of the page through the dialog's backdrop)
        Object result = b.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const modal = [...document.querySelectorAll('dialog[open]')].pop();
                if (modal) modal.setAttribute('data-axe-scope', '');
                const context = modal ? {include: [['[data-axe-scope]']], exclude: [['iframe']]} : {exclude: [['iframe']]};
                axe.run(context, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                    resultTypes: ['violations']})
                  .then(r => { if (modal) modal.removeAttribute('data-axe-scope');
                      done(r.violations.map(v => ({rule: v.id, impact: v.impact, help: v.help,
                      targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))); })
                  .catch(e => done([{rule: 'axe-error', impact: 'critical', help: String(e), targets: []}]));
                """);
        List<Violation> all = new ArrayList<>();
        for (Object o : (List<?>) result) {
            Map<?, ?> m = (Map<?, ?>) o;
            List<String> targets = new ArrayList<>();
            for (Object t : (List<?>) m.get("targets")) targets.add(String.valueOf(t));
            all.add(new Violation(String.valueOf(m.get("rule")), String.valueOf(m.get("impact")), String.valueOf(m.get("help")),
                    targets));
        }
        List<Violation> serious = all.stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("axe-core finds serious accessibility violations in the " + view + ":\n  "
                    + String.join("\n  ", serious.stream().map(Violation::toString).toList()));
        }
        return all.stream().filter(v -> !serious.contains(v)).toList();
    }
}
