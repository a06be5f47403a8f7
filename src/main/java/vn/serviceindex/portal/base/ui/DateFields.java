package vn.serviceindex.portal.base.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;

/**
 * Date pickers that read and write dd/MM/yyyy for Vietnamese users, with Monday as the first day, and that open
 * their calendar only when asked.
 */
public final class DateFields {

    private DateFields() {
    }

    public static DatePicker datePicker(String label) {
        var picker = new DatePicker(label);
        Locale locale = PortalTranslations.supported(picker.getLocale() == null ? Locale.ENGLISH : picker.getLocale());
        picker.setLocale(locale);
        var i18n = new DatePicker.DatePickerI18n();
        i18n.setDateFormat(Formats.datePattern(locale));
        i18n.setFirstDayOfWeek(1);
        i18n.setMonthNames(Arrays.stream(java.time.Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        i18n.setWeekdays(Arrays.stream(new DayOfWeek[] {DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY})
                .map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
        i18n.setWeekdaysShort(Arrays.stream(new DayOfWeek[] {DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY})
                .map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList());
        i18n.setToday(picker.getTranslation("date.today"));
        i18n.setCancel(picker.getTranslation("action.cancel"));
        picker.setI18n(i18n);
        // Typing a date does not open the calendar: an open calendar swallowed the click on the next button
        // (submit needed two clicks). The calendar still opens from its button.
        picker.setAutoOpen(false);
        return picker;
    }
}
