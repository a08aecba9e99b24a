package com.mobayilo.ui;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * A date picker that speaks the reader's language: month and day names from the JDK's locale data, the
 * buttons and errors from the translations, the week starting on the locale's first day (Monday in French)
 * and French dates written dd/MM/yyyy. Vaadin's own picker is English whatever its locale
 * (docs/decisions/0028-checking-accessibility-and-french.md).
 */
public final class LocalizedDates {

    private LocalizedDates() {
    }

    /** Localizes {@code picker} for {@code locale}, the reader's language. */
    public static DatePicker localize(DatePicker picker, Locale locale) {
        picker.setLocale(locale);
        var i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(monthNames(locale))
                .setWeekdays(sundayFirst().map(day -> day.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList())
                .setWeekdaysShort(sundayFirst().map(day -> day.getDisplayName(TextStyle.SHORT_STANDALONE, locale)).toList())
                .setFirstDayOfWeek(WeekFields.of(withRegion(locale)).getFirstDayOfWeek().getValue() % 7)
                .setToday(picker.getTranslation("datepicker.today"))
                .setCancel(picker.getTranslation("datepicker.cancel"))
                .setBadInputErrorMessage(picker.getTranslation("datepicker.badinput"));
        if (Locale.FRENCH.getLanguage().equals(locale.getLanguage())) {
            i18n.setDateFormats("dd/MM/yyyy", "dd.MM.yyyy", "dd-MM-yyyy", "d/M/yyyy");
        }
        picker.setI18n(i18n);
        return picker;
    }

    /** The UI's locales are bare languages; plain "fr" has Sunday first in the JDK's data, French calendars Monday. */
    private static Locale withRegion(Locale locale) {
        return locale.getCountry().isEmpty() && Locale.FRENCH.getLanguage().equals(locale.getLanguage()) ? Locale.FRANCE : locale;
    }

    private static Stream<DayOfWeek> sundayFirst() {
        return Stream.concat(Stream.of(DayOfWeek.SUNDAY), Stream.of(DayOfWeek.values()).limit(6));
    }

    private static String capitalized(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static List<String> monthNames(Locale locale) {
        return Arrays.stream(Month.values()).map(month -> capitalized(month.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList();
    }
}
