package com.mobayilo.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import com.mobayilo.testing.Browser;
import com.mobayilo.testing.TestApp;
import com.mobayilo.ui.Tour.Person;
import com.mobayilo.ui.Tour.Screen;
import com.mobayilo.ui.Tour.Walk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every view in French, as each kind of person sees it on a desktop and a phone: no English word from the app's
 * own English texts or Vaadin's built-ins in what is on screen (the date pickers opened too), and no text cut
 * short with an ellipsis (issue 17, section 4; docs/decisions/0028-checking-accessibility-and-french.md).
 */
class FrenchEverywhereBrowserTests {

    /**
     * What the tests themselves typed in (names, companies, memos of test credit) is data, not the UI's words. The
     * tests' addresses are read whole, also where a seat card draws them in two halves to break at the @
     * ("seat-1a2b3c4d" then "@example.com", two text nodes read with a space between).
     */
    private static final Pattern TEST_DATA = Pattern.compile(
            "\\S+ ?@\\S+|https?://\\S+|Company [0-9a-f-]{8}|Amani Kabila|Ada Admin|Sam Seat|Amara Admin|Ana Lima|Ben Okafor|Acme Export|test credit");

    /**
     * Every piece of text a person can see, shadow roots included (Vaadin draws month names and labels there), and
     * placeholders; not {@code <code>}, which shows file formats such as the deck's CSV header and identifiers such as a
     * receipt's payment reference, the same in any language.
     */
    private static final String VISIBLE_TEXT = """
            () => {
              const parts = [];
              const shown = element => element.checkVisibility({ visibilityProperty: true });
              const visit = node => {
                if (node.nodeType === Node.TEXT_NODE) {
                  if (node.parentElement && shown(node.parentElement)) parts.push(node.textContent);
                  return;
                }
                if (node.nodeType === Node.ELEMENT_NODE) {
                  if (['SCRIPT', 'STYLE', 'TEMPLATE', 'CODE'].includes(node.tagName) || !shown(node)) return;
                  if (node.placeholder) parts.push(node.placeholder);
                  if (node.shadowRoot) visit(node.shadowRoot);
                }
                node.childNodes.forEach(visit);
              };
              visit(document.body);
              return parts.join(' ');
            }""";

    /** Elements drawn with an ellipsis because their text does not fit, shadow parts included (a button's label). */
    private static final String CUT_SHORT = """
            () => {
              const found = [];
              const visit = root => root.querySelectorAll('*').forEach(element => {
                if (element.shadowRoot) visit(element.shadowRoot);
                const style = getComputedStyle(element);
                if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1
                    && element.checkVisibility({ visibilityProperty: true })) {
                  const host = element.getRootNode().host;
                  const text = (element.innerText || (host && host.innerText) || '').trim().replace(/\\s+/g, ' ');
                  if (text) found.push((host ? host.localName + ' ' : '') + element.localName + '.' + element.className + ' «' + text.slice(0, 60) + '»');
                }
              });
              visit(document);
              return found;
            }""";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static Tour tour;

    private static EnglishWords english;

    @BeforeAll
    static void start() {
        tour = new Tour(TestApp.shared(), browser);
        english = EnglishWords.fromTranslations();
    }

    static Stream<Arguments> everyPersonAndScreen() {
        return Stream.of(Person.values()).flatMap(person -> Stream.of(Screen.values()).map(screen -> Arguments.of(person, screen)));
    }

    @Test
    void theWordListHoldsTheAppsEnglishWordsButNoFrenchOnes() {
        assertThat(english.size()).isGreaterThan(300);
        assertThat(english.contains("balance")).isTrue();
        assertThat(english.contains("january")).isTrue();
        assertThat(english.contains("appel")).isFalse();
        assertThat(english.contains("minutes")).isFalse();
        assertThat(english.contains("mobayilo")).isFalse();
    }

    @ParameterizedTest(name = "{0} on a {1}")
    @MethodSource("everyPersonAndScreen")
    void everyViewThisPersonOpensInFrenchShowsNoEnglishAndCutsNothingShort(Person person, Screen screen) {
        var walk = tour.start(person, "fr-FR", screen);
        var found = new ArrayList<String>();
        for (var stop : walk.stops()) {
            walk.open(stop);
            // What a French reader sees, kept for a person to look at (target/screenshots/french-…).
            Browser.screenshot(walk.page(), "french-" + person.name().toLowerCase() + "-" + screen.name().toLowerCase() + "-" + stop.name());
            found.addAll(englishOn(walk.page(), stop.name()));
            found.addAll(cutShort(walk.page(), stop.name()));
            found.addAll(openedDatePickers(walk, stop.name()));
        }
        assertThat(found).as("English or cut-short text for %s in French on a %s:%n  %s", person, screen, String.join("\n  ", found)).isEmpty();
    }

    private static List<String> englishOn(Page page, String where) {
        var text = TEST_DATA.matcher((String) page.evaluate(VISIBLE_TEXT)).replaceAll(" ");
        var words = english.in(text);
        return words.isEmpty() ? List.of() : List.of(where + ": English words " + words);
    }

    @SuppressWarnings("unchecked")
    private static List<String> cutShort(Page page, String where) {
        return ((List<String>) page.evaluate(CUT_SHORT)).stream().map(element -> where + ": cut short " + element).toList();
    }

    /** Opens each date picker as a person would, reads its calendar, checks the week starts on Monday, and closes it. */
    private static List<String> openedDatePickers(Walk walk, String where) {
        var page = walk.page();
        var found = new ArrayList<String>();
        var pickers = page.locator("vaadin-date-picker");
        for (int i = 0; i < pickers.count(); i++) {
            var picker = pickers.nth(i);
            if (!picker.isVisible()) {
                continue;
            }
            picker.locator("input").click();
            var overlay = page.locator("vaadin-date-picker-overlay[opened]");
            assertThat(overlay).isVisible();
            englishOn(page, where + " (date picker " + (i + 1) + ")").forEach(found::add);
            var firstWeekday = page.locator("vaadin-month-calendar th[role=columnheader][part~=weekday]").first().textContent().strip();
            if (!firstWeekday.toLowerCase().startsWith("lun")) {
                found.add(where + ": the date picker's week starts on " + firstWeekday + ", not Monday");
            }
            page.keyboard().press("Escape");
            assertThat(page.locator("vaadin-date-picker-overlay[opened]")).hasCount(0);
        }
        return found;
    }
}
