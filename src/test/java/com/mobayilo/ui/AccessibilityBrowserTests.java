package com.mobayilo.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mobayilo.testing.Axe;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.ui.Tour.Person;
import com.mobayilo.ui.Tour.Screen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core on every view, as each kind of person sees it, on a desktop and on a phone, in English and in French:
 * no critical, serious or moderate violation anywhere (issue 17, section 4;
 * docs/decisions/0028-checking-accessibility-and-french.md). Each walk lists every violation it met before failing,
 * and appends them to target/axe/violations.txt for the closing note's counts.
 */
class AccessibilityBrowserTests {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static Tour tour;

    @BeforeAll
    static void start() {
        tour = new Tour(TestApp.shared(), browser);
    }

    static Stream<Arguments> everyPersonLanguageAndScreen() {
        return Stream.of(Person.values()).flatMap(person -> Stream.of("en-US", "fr-FR")
                .flatMap(language -> Stream.of(Screen.values()).map(screen -> Arguments.of(person, language, screen))));
    }

    @ParameterizedTest(name = "{0} in {1} on a {2}")
    @MethodSource("everyPersonLanguageAndScreen")
    void everyViewThisPersonOpensHasNoCriticalSeriousOrModerateViolation(Person person, String language, Screen screen) {
        var walk = tour.start(person, language, screen);
        var found = new ArrayList<String>();
        for (var stop : walk.stops()) {
            walk.open(stop);
            Axe.blocking(walk.page()).forEach(violation -> found.add(stop.name() + ": " + violation));
        }
        record(person, language, screen, found);
        assertThat(found).as("axe violations for %s in %s on a %s:%n  %s", person, language, screen, String.join("\n  ", found)).isEmpty();
    }

    private static void record(Person person, String language, Screen screen, List<String> found) {
        try {
            var file = Files.createDirectories(Path.of("target", "axe")).resolve("violations.txt");
            var lines = found.stream().map(line -> person + " " + language + " " + screen + " " + line).collect(Collectors.joining("\n"));
            Files.writeString(file, lines.isEmpty() ? "" : lines + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
