package com.mobayilo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.Page;

/**
 * Deque's axe-core, from the project's own node_modules (a pinned devDependency), run inside a Playwright page:
 * what an automated accessibility audit finds on the page as the person sees it right now, overlays included.
 * The method and the rules Mobayilo holds itself to are in docs/decisions/0028-checking-accessibility-and-french.md.
 */
public final class Axe {

    /** The impacts a page may not have any of: everything but "minor". */
    public static final Set<String> BLOCKING = Set.of("critical", "serious", "moderate");

    private static final Path SCRIPT = Path.of("node_modules", "axe-core", "axe.min.js");

    private static String source;

    private Axe() {
    }

    /** One rule broken on one page, with the elements that break it. */
    public record Violation(String id, String impact, String help, List<String> targets) {

        @Override
        public String toString() {
            return impact + " " + id + " (" + help + "): " + String.join(" | ", targets);
        }
    }

    /** Runs every axe rule on the whole document and returns the violations, worst first. */
    @SuppressWarnings("unchecked")
    public static List<Violation> violations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
        }
        var found = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const results = await axe.run(document, { resultTypes: ['violations'] });
                  return results.violations.map(v => ({
                    id: v.id, impact: v.impact || 'minor', help: v.help,
                    targets: v.nodes.map(n => n.target.join(' ') + ' «' + (n.html || '').slice(0, 120) + '»')
                  }));
                }""");
        return found.stream()
                .map(v -> new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"), (List<String>) v.get("targets")))
                .sorted(java.util.Comparator.comparingInt(v -> List.of("critical", "serious", "moderate", "minor").indexOf(v.impact())))
                .toList();
    }

    /** The violations a page may not have: critical, serious and moderate ones. */
    public static List<Violation> blocking(Page page) {
        return violations(page).stream().filter(v -> BLOCKING.contains(v.impact())).toList();
    }

    /** Fails, listing each rule and element readably, when the page has any critical, serious or moderate violation. */
    public static void assertNoBlockingViolations(Page page, String where) {
        var blocking = blocking(page);
        if (!blocking.isEmpty()) {
            throw new AssertionError(blocking.size() + " accessibility violation(s) on " + where + " (" + page.url() + "):\n  "
                    + blocking.stream().map(Violation::toString).collect(Collectors.joining("\n  ")));
        }
    }

    private static synchronized String script() {
        if (source == null) {
            try {
                source = Files.readString(SCRIPT);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("axe-core is a devDependency in package.json: run the build once to install it", ex);
            }
        }
        return source;
    }
}
