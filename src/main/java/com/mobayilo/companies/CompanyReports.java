package com.mobayilo.companies;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.mobayilo.calls.CallPeriod;
import com.mobayilo.calls.MaskedNumber;
import com.mobayilo.calls.Spending;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A company's usage over a period, as its admins read it: by seat, by day and by destination, and every call
 * for export. Every statement is scoped by {@code company_id}, so one company never sees another's calls.
 * Refused calls never rang and cost nothing, so the usage figures leave them out; the export lists them.
 */
@Component
public class CompanyReports {

    /** The company's calls of the period, each with what it counts ({@code spend}), as every statement reads them. */
    private static final String CALLS = """
            (select calls.*, %s as spend from calls
             where company_id = :company and created_at >= :from and created_at < :to) c""".formatted(Spending.OF_CALL);

    /** The usage columns every breakdown shares: calls placed, answered, minutes billed, and what they count. */
    private static final String USAGE = """
            count(*) as calls, count(*) filter (where c.answered_at is not null) as answered,
            coalesce(sum(c.billed_minutes), 0) as minutes, coalesce(sum(c.spend), 0) as cost""";

    private final DatabaseClient db;

    CompanyReports(DatabaseClient db) {
        this.db = db;
    }

    /** Every member who called in the period, the biggest spender first; removed members keep their figures. */
    public Mono<List<SeatUsage>> bySeat(CompanyId company, CallPeriod period) {
        return scoped("""
                select u.full_name, u.email, %s from %s join users u on u.id = c.caller_id
                where c.status <> 'REFUSED'
                group by u.id, u.full_name, u.email order by cost desc, u.full_name""".formatted(USAGE, CALLS), company, period)
                .map(row -> new SeatUsage(row.get("full_name", String.class), row.get("email", String.class), usage(row))).all().collectList();
    }

    /** Each day with calls, in the reader's time zone, oldest first. */
    public Mono<List<DayUsage>> byDay(CompanyId company, CallPeriod period, ZoneId zone) {
        return scoped("""
                select (c.created_at at time zone :zone)::date as day, %s from %s
                where c.status <> 'REFUSED'
                group by day order by day""".formatted(USAGE, CALLS), company, period)
                .bind("zone", zone.getId())
                .map(row -> new DayUsage(row.get("day", LocalDate.class), usage(row))).all().collectList();
    }

    /** Each destination country, the biggest spend first; numbers that matched no country come under none. */
    public Mono<List<CountryUsage>> byCountry(CompanyId company, CallPeriod period) {
        return scoped("""
                select c.country, %s from %s
                where c.status <> 'REFUSED'
                group by c.country order by cost desc, c.country""".formatted(USAGE, CALLS), company, period)
                .map(row -> new CountryUsage(Optional.ofNullable(row.get("country", String.class)).map(CountryCode::of), usage(row))).all()
                .collectList();
    }

    /** Every call of the period, refused ones included, oldest first, numbers masked as on the dashboard. */
    public Flux<ReportCall> calls(CompanyId company, CallPeriod period) {
        return scoped("""
                select c.created_at, u.full_name, u.email, c.country, c.destination, c.status, c.refusal, c.duration_seconds,
                       c.billed_minutes, c.rate_cents, c.spend as cost
                from %s join users u on u.id = c.caller_id
                order by c.created_at, c.id""".formatted(CALLS),
                company, period)
                .map(CompanyReports::call).all();
    }

    private DatabaseClient.GenericExecuteSpec scoped(String sql, CompanyId company, CallPeriod period) {
        return db.sql(sql).bind("company", company.value()).bind("from", period.from()).bind("to", period.to());
    }

    private static Usage usage(Readable row) {
        return new Usage(number(row, "calls"), number(row, "answered"), number(row, "minutes"), Money.cents(number(row, "cost")));
    }

    private static long number(Readable row, String column) {
        var value = (Number) row.get(column);
        return value == null ? 0 : value.longValue();
    }

    private static ReportCall call(Readable row) {
        var rate = row.get("rate_cents", Integer.class);
        return new ReportCall(row.get("created_at", Instant.class), row.get("full_name", String.class), row.get("email", String.class),
                Optional.ofNullable(row.get("country", String.class)).map(CountryCode::of), MaskedNumber.of(row.get("destination", String.class)),
                row.get("status", String.class), Optional.ofNullable(row.get("refusal", String.class)),
                Optional.ofNullable(row.get("duration_seconds", Integer.class)).orElse(0),
                Optional.ofNullable(row.get("billed_minutes", Integer.class)).orElse(0), Optional.ofNullable(rate).map(Money::cents),
                Money.cents(number(row, "cost")));
    }

    /** Calls placed, answered, minutes billed, and what they cost (or hold, while under way). */
    public record Usage(long calls, long answered, long minutes, Money cost) {

        public static final Usage NONE = new Usage(0, 0, 0, Money.ZERO);

        public Usage plus(Usage other) {
            return new Usage(calls + other.calls, answered + other.answered, minutes + other.minutes, cost.plus(other.cost));
        }
    }

    public record SeatUsage(String name, String email, Usage usage) {
    }

    public record DayUsage(LocalDate day, Usage usage) {
    }

    public record CountryUsage(Optional<CountryCode> country, Usage usage) {
    }

    public record ReportCall(Instant createdAt, String seatName, String seatEmail, Optional<CountryCode> country, String maskedNumber,
            String status, Optional<String> refusal, int durationSeconds, int billedMinutes, Optional<Money> rate, Money cost) {
    }
}
