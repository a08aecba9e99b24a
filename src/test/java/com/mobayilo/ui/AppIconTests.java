package com.mobayilo.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;

import com.vaadin.flow.router.Menu;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** Mobayilo ships only the icons it shows, drawn exactly as Vaadin draws them (docs/decisions/0029-page-weight-budget.md). */
class AppIconTests {

    private static final Pattern DRAWING = Pattern.compile("<g id=\"(vaadin:[a-z0-9-]+)\">.*?</g>");

    @Test
    void everyIconIsDrawnInMobayilosSetExactlyAsInVaadinsFullSet() throws IOException {
        var ours = Files.readString(Path.of("src/main/frontend/mobayilo-iconset.ts"));
        var vaadins = Files.readString(Path.of("node_modules/@vaadin/icons/vaadin-iconset.js"));
        for (var icon : AppIcon.values()) {
            assertThat(drawing(ours, icon.iconName())).as(icon.iconName()).isNotNull().isEqualTo(drawing(vaadins, icon.iconName()));
        }
    }

    @Test
    void mobayilosSetHoldsNoIconTheAppDoesNotName() throws IOException {
        var ours = Files.readString(Path.of("src/main/frontend/mobayilo-iconset.ts"));
        var named = Arrays.stream(AppIcon.values()).map(AppIcon::iconName).toList();
        assertThat(DRAWING.matcher(ours).results().map(match -> match.group(1))).containsExactlyInAnyOrderElementsOf(named);
    }

    @Test
    void everyViewsMenuIconIsOneOfMobayilosIcons() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true; // views are package-private
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(Menu.class));
        var views = scanner.findCandidateComponents("com.mobayilo");
        assertThat(views).hasSizeGreaterThan(10);
        for (var view : views) {
            var icon = Class.forName(view.getBeanClassName()).getAnnotation(Menu.class).icon();
            assertThat(AppIcon.named(icon)).as(view.getBeanClassName() + " " + icon).isNotNull();
        }
    }

    @Test
    void anIconIsVaadinsIconElementNamedAsInVaadinsSet() {
        var phone = AppIcon.PHONE_LANDLINE.create();
        assertThat(phone.getElement().getTag()).isEqualTo("vaadin-icon");
        assertThat(phone.getElement().getAttribute("icon")).isEqualTo("vaadin:phone-landline");
        assertThat(AppIcon.named("vaadin:abacus")).isNull();
    }

    private static String drawing(String iconset, String name) {
        return DRAWING.matcher(iconset).results().filter(match -> match.group(1).equals(name)).map(match -> match.group()).findFirst().orElse(null);
    }
}
