package com.mobayilo.companies;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.CallerLimits;
import com.mobayilo.calls.SeatLimits;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/** The seats table, with each member's name, email and role from their user row. */
@Component
public class Seats implements CallerLimits {

    private static final String SELECT = """
            select s.user_id, s.company_id, s.status, s.caller_id, s.daily_cap_cents, s.monthly_cap_cents, s.countries, s.max_concurrent_calls,
                   s.created_at, u.full_name, u.email, u.role
            from seats s join users u on u.id = s.user_id""";

    private final DatabaseClient db;

    Seats(DatabaseClient db) {
        this.db = db;
    }

    Mono<Seat> insert(Seat seat, UserId invitedBy) {
        return db.sql("""
                        insert into seats (user_id, company_id, status, caller_id, daily_cap_cents, monthly_cap_cents, countries, max_concurrent_calls,
                                           invited_by, created_at)
                        values (:user, :company, :status, :callerId, :daily, :monthly, :countries, :concurrent, :invitedBy, :created)""")
                .bind("user", seat.user().value()).bind("company", seat.company().value())
                .bind("invitedBy", Parameter.fromOrEmpty(invitedBy == null ? null : invitedBy.value(), UUID.class))
                .bind("created", seat.createdAt())
                .bindValues(state(seat))
                .then().thenReturn(seat);
    }

    Mono<Seat> update(Seat seat) {
        return db.sql("""
                        update seats set status = :status, caller_id = :callerId, daily_cap_cents = :daily, monthly_cap_cents = :monthly,
                               countries = :countries, max_concurrent_calls = :concurrent, updated_at = now()
                        where user_id = :user""")
                .bind("user", seat.user().value())
                .bindValues(state(seat))
                .then().thenReturn(seat);
    }

    public Mono<Seat> find(UserId user) {
        return db.sql(SELECT + " where s.user_id = :user").bind("user", user.value()).map(Seats::seat).one();
    }

    /** The seat, locked until the transaction ends, so two admins' changes apply one after the other. */
    Mono<Seat> lock(UserId user) {
        return db.sql(SELECT + " where s.user_id = :user for update of s").bind("user", user.value()).map(Seats::seat).one();
    }

    Mono<Seat> findByEmail(EmailAddress email) {
        return db.sql(SELECT + " where u.email = :email").bind("email", email.value()).map(Seats::seat).one();
    }

    /** A company's members, admins first, then by name; removed ones are left out. */
    public Flux<Seat> ofCompany(CompanyId company) {
        return db.sql(SELECT + " where s.company_id = :company and s.status <> 'REMOVED' order by u.role = 'SEAT', lower(u.full_name)")
                .bind("company", company.value()).map(Seats::seat).all();
    }

    /** The numbers the company's members verified as caller IDs: what an admin may assign to a seat. */
    public Flux<String> verifiedCallerIds(CompanyId company) {
        return db.sql("""
                        select distinct c.number from caller_ids c join users u on u.id = c.owner_id
                        where u.company_id = :company and c.status = 'VERIFIED' order by c.number""")
                .bind("company", company.value()).map(row -> row.get("number", String.class)).all();
    }

    @Override
    public Mono<SeatLimits> limitsOf(User member) {
        return db.sql(SELECT.replace("from seats s", """
                        , (select c.number from caller_ids c join users m on m.id = c.owner_id
                           where m.company_id = s.company_id and c.status = 'VERIFIED' and c.number = s.caller_id limit 1) as verified_caller
                        from seats s""") + " where s.user_id = :user")
                .bind("user", member.id().value())
                .map(row -> seat(row).limits(Optional.ofNullable(row.get("verified_caller", String.class)))).one()
                // A member without a seat row (which the schema's flow never makes) may not call: fail closed.
                .defaultIfEmpty(new SeatLimits(false, Optional.empty(), Optional.empty(), java.util.Set.of(), 0, Optional.empty()));
    }

    private static java.util.Map<String, Parameter> state(Seat seat) {
        var settings = seat.settings();
        return java.util.Map.of(
                "status", Parameter.from(seat.status().name()),
                "callerId", Parameter.fromOrEmpty(settings.callerId().orElse(null), String.class),
                "daily", Parameter.fromOrEmpty(settings.dailyCap().map(Money::cents).orElse(null), Long.class),
                "monthly", Parameter.fromOrEmpty(settings.monthlyCap().map(Money::cents).orElse(null), Long.class),
                "countries", Parameter.fromOrEmpty(settings.countries().isEmpty() ? null
                        : settings.countries().stream().map(CountryCode::value).sorted().toArray(String[]::new), String[].class),
                "concurrent", Parameter.from(settings.maxConcurrentCalls()));
    }

    static Seat seat(Readable row) {
        var countries = Optional.ofNullable(row.get("countries", String[].class)).map(Arrays::stream)
                .map(codes -> codes.map(CountryCode::of).collect(Collectors.toSet())).orElse(java.util.Set.of());
        var settings = new SeatSettings(Optional.ofNullable(row.get("daily_cap_cents", Long.class)).map(Money::cents),
                Optional.ofNullable(row.get("monthly_cap_cents", Long.class)).map(Money::cents), countries,
                row.get("max_concurrent_calls", Integer.class), Optional.ofNullable(row.get("caller_id", String.class)));
        return new Seat(new UserId(row.get("user_id", UUID.class)), new CompanyId(row.get("company_id", UUID.class)),
                row.get("full_name", String.class), row.get("email", String.class), Role.valueOf(row.get("role", String.class)),
                SeatStatus.valueOf(row.get("status", String.class)), settings, row.get("created_at", Instant.class));
    }
}
