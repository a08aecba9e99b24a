package com.mobayilo.rating;

import java.time.LocalDate;
import java.util.List;

import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The rate deck table. A new deck replaces the old one whole, in one statement, inside the caller's transaction. */
@Component
class DeckRows {

    private final DatabaseClient db;

    DeckRows(DatabaseClient db) {
        this.db = db;
    }

    Flux<Rate> all() {
        return db.sql("select prefix, effective_from, country, description, rate_cents from rate_deck order by prefix, effective_from")
                .map(DeckRows::rate).all();
    }

    Mono<Long> count() {
        return db.sql("select count(*) from rate_deck").map(row -> row.get(0, Long.class)).one();
    }

    Mono<Void> replaceWith(List<Rate> rows) {
        var prefixes = rows.stream().map(Rate::prefix).toArray(String[]::new);
        var dates = rows.stream().map(Rate::effectiveFrom).toArray(LocalDate[]::new);
        var countries = rows.stream().map(rate -> rate.country() == null ? null : rate.country().value()).toArray(String[]::new);
        var descriptions = rows.stream().map(Rate::description).toArray(String[]::new);
        var cents = rows.stream().map(rate -> (int) rate.perMinute().cents()).toArray(Integer[]::new);
        return db.sql("delete from rate_deck").then()
                .then(db.sql("""
                        insert into rate_deck (prefix, effective_from, country, description, rate_cents)
                        select * from unnest(cast(:prefixes as text[]), cast(:dates as date[]), cast(:countries as char(2)[]),
                                             cast(:descriptions as text[]), cast(:cents as integer[]))""")
                        .bind("prefixes", prefixes).bind("dates", dates).bind("countries", countries)
                        .bind("descriptions", descriptions).bind("cents", cents)
                        .then());
    }

    private static Rate rate(Readable row) {
        var country = row.get("country", String.class);
        return new Rate(row.get("prefix", String.class), country == null ? null : CountryCode.of(country), row.get("description", String.class),
                Money.cents(row.get("rate_cents", Integer.class)), row.get("effective_from", LocalDate.class));
    }
}
