package eu.egi.csirt.cvh.domain.reply;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** SEC03 4.3: the date a site asks for is read from its words and shown to the officer. */
class Sec4_3_RequestedDateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void iso_and_day_first_numeric_dates() {
        assertThat(RequestedDate.in("until 2026-12-10 please", TODAY)).contains(LocalDate.of(2026, 12, 10));
        assertThat(RequestedDate.in("bis zum 3.12.2026", TODAY)).contains(LocalDate.of(2026, 12, 3));
        assertThat(RequestedDate.in("jusqu'au 04/12/2026", TODAY)).contains(LocalDate.of(2026, 12, 4));
    }

    @Test
    void month_names_in_the_five_languages_without_a_year_mean_the_next_such_day() {
        assertThat(RequestedDate.in("could we have until 7 December?", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(RequestedDate.in("by December 7th", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(RequestedDate.in("bis 7. Dezember", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(RequestedDate.in("jusqu'au 7 décembre", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(RequestedDate.in("fino al 7 dicembre", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(RequestedDate.in("hasta el 7 de diciembre", TODAY)).contains(LocalDate.of(2026, 12, 7));
        assertThat(RequestedDate.in("until 15 January", TODAY)).contains(LocalDate.of(2027, 1, 15));
    }

    @Test
    void past_dates_and_no_dates_give_nothing() {
        assertThat(RequestedDate.in("we patched on 2026-11-20", TODAY)).isEmpty();
        assertThat(RequestedDate.in("we need a few more days", TODAY)).isEmpty();
    }
}
