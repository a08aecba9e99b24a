package com.mobayilo.accounts;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.shared.CountryCode;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** All users, in PostgreSQL. */
@Component
public class Users {

    private static final String COLUMNS = "id, email, full_name, password_hash, home_country, locale, role, email_verified_at, created_at, company_id";

    private final DatabaseClient db;

    Users(DatabaseClient db) {
        this.db = db;
    }

    /** The columns {@link #read} needs, qualified by {@code alias}, for a statement that joins users to what it reads. */
    public static String columns(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    public Mono<User> findById(UserId id) {
        return db.sql("select " + COLUMNS + " from users where id = :id").bind("id", id.value()).map(Users::read).one();
    }

    public Mono<User> findByEmail(EmailAddress email) {
        return db.sql("select " + COLUMNS + " from users where email = :email").bind("email", email.value()).map(Users::read).one();
    }

    public Mono<User> insert(User user) {
        var insert = db.sql("""
                insert into users (id, email, full_name, password_hash, home_country, locale, role, email_verified_at, created_at, company_id)
                values (:id, :email, :fullName, :passwordHash, :homeCountry, :locale, :role, :verifiedAt, :createdAt, :company)""")
                .bind("email", user.email().value())
                .bind("company", org.springframework.r2dbc.core.Parameter.fromOrEmpty(user.companyId(), UUID.class))
                .bind("createdAt", user.createdAt());
        return withState(insert, user).then().thenReturn(user)
                .onErrorMap(DataIntegrityViolationException.class, duplicate -> new EmailAlreadyRegistered());
    }

    public Mono<User> update(User user) {
        var update = db.sql("""
                update users set full_name = :fullName, password_hash = :passwordHash, home_country = :homeCountry,
                       locale = :locale, role = :role, email_verified_at = :verifiedAt
                where id = :id""");
        return withState(update, user).then().thenReturn(user);
    }

    private static DatabaseClient.GenericExecuteSpec withState(DatabaseClient.GenericExecuteSpec spec, User user) {
        var bound = spec.bind("id", user.id().value())
                .bind("fullName", user.fullName())
                .bind("homeCountry", user.homeCountry().value())
                .bind("locale", user.locale().toLanguageTag())
                .bind("role", user.role().name());
        bound = user.passwordHash() == null ? bound.bindNull("passwordHash", String.class) : bound.bind("passwordHash", user.passwordHash());
        return user.emailVerifiedAt() == null ? bound.bindNull("verifiedAt", Instant.class) : bound.bind("verifiedAt", user.emailVerifiedAt());
    }

    /** A user from a row holding {@link #columns}; other joined columns must not be named like them. */
    public static User read(Readable row) {
        return new User(new UserId(row.get("id", UUID.class)),
                new EmailAddress(row.get("email", String.class)),
                row.get("full_name", String.class),
                row.get("password_hash", String.class),
                CountryCode.of(row.get("home_country", String.class)),
                Locale.forLanguageTag(row.get("locale", String.class)),
                Role.valueOf(row.get("role", String.class)),
                row.get("email_verified_at", Instant.class),
                row.get("created_at", Instant.class),
                row.get("company_id", UUID.class));
    }
}
