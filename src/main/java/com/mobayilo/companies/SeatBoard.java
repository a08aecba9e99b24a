package com.mobayilo.companies;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.MaskedNumber;
import com.mobayilo.calls.Spending;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The live seat dashboard's figures, read in two statements whatever the number of seats: the seats, then
 * every seat's presence, call under way and spending since the start of the month.
 */
@Component
public class SeatBoard {

    private final Seats seats;

    private final DatabaseClient db;

    private final Clock clock;

    SeatBoard(Seats seats, DatabaseClient db, Clock clock) {
        this.seats = seats;
        this.db = db;
        this.clock = clock;
    }

    public Mono<List<SeatActivity>> of(CompanyId company) {
        var now = clock.instant();
        return Mono.zip(seats.ofCompany(company).collectList(), figures("s.company_id = :scope", company.value(), now))
                .map(both -> both.getT1().stream().map(seat -> activity(seat, both.getT2().get(seat.user().value()))).toList());
    }

    /** One seat's own figures: what the seat itself sees of its limits. */
    public Mono<SeatActivity> ofSeat(UserId seat) {
        return Mono.zip(seats.find(seat), figures("s.user_id = :scope", seat.value(), clock.instant()))
                .map(both -> activity(both.getT1(), both.getT2().get(seat.value())));
    }

    private static SeatActivity activity(Seat seat, Figures figures) {
        var known = figures == null ? Figures.NONE : figures;
        return new SeatActivity(seat, known.online(), known.call(), known.today(), known.month(), known.held());
    }

    private Mono<Map<UUID, Figures>> figures(String scope, UUID id, Instant now) {
        var day = now.atOffset(ZoneOffset.UTC).toLocalDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        var month = now.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        return db.sql("""
                        select s.user_id,
                               exists (select 1 from seat_presence p where p.user_id = s.user_id and p.streams > 0
                                       and p.seen_at > now() - make_interval(secs => :fresh)) as online,
                               spend.today, spend.month, spend.held,
                               live.destination, live.country, live.created_at, live.answered_at, live.rate_cents, live.held_minutes
                        from seats s
                        left join lateral (select coalesce(sum(%1$s) filter (where created_at >= :day), 0) as today,
                                                  coalesce(sum(%1$s), 0) as month,
                                                  coalesce(sum(%4$s), 0) as held
                                           from calls where caller_id = s.user_id and (created_at >= :month or %2$s)) spend on true
                        left join lateral (select destination, country, created_at, answered_at, rate_cents, held_minutes from calls
                                           where caller_id = s.user_id and %2$s order by created_at desc limit 1) live on true
                        where %3$s""".formatted(Spending.SPENT, Spending.LIVE, scope, Spending.HELD))
                .bind("scope", id).bind("day", day).bind("month", month).bind("fresh", (double) SeatPresence.FRESH.toSeconds())
                .map(SeatBoard::figures).all()
                .collectMap(Figures::seat, Function.identity());
    }

    private static Figures figures(Readable row) {
        var destination = row.get("destination", String.class);
        Optional<SeatActivity.LiveCall> call = destination == null ? Optional.empty() : Optional.of(new SeatActivity.LiveCall(
                Optional.ofNullable(row.get("country", String.class)).map(CountryCode::of), MaskedNumber.of(destination),
                row.get("created_at", Instant.class), row.get("answered_at", Instant.class), Money.cents(row.get("rate_cents", Integer.class)),
                row.get("held_minutes", Integer.class) * 60));
        return new Figures(row.get("user_id", UUID.class), Boolean.TRUE.equals(row.get("online", Boolean.class)), call,
                Money.cents(((Number) row.get("today")).longValue()), Money.cents(((Number) row.get("month")).longValue()),
                Money.cents(((Number) row.get("held")).longValue()));
    }

    private record Figures(UUID seat, boolean online, Optional<SeatActivity.LiveCall> call, Money today, Money month, Money held) {
        static final Figures NONE = new Figures(null, false, Optional.empty(), Money.ZERO, Money.ZERO, Money.ZERO);
    }

}
