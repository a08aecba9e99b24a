package com.mobayilo.companies;

import java.time.Instant;
import java.util.UUID;

import com.mobayilo.shared.CountryCode;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/** The companies table. */
@Component
public class Companies {

    private final DatabaseClient db;

    Companies(DatabaseClient db) {
        this.db = db;
    }

    Mono<Company> insert(Company company) {
        return db.sql("insert into companies (id, name, billing_country, created_at) values (:id, :name, :country, :created)")
                .bind("id", company.id().value()).bind("name", company.name()).bind("country", company.billingCountry().value())
                .bind("created", company.createdAt())
                .then().thenReturn(company);
    }

    public Mono<Company> find(CompanyId id) {
        return db.sql("select id, name, billing_country, created_at from companies where id = :id").bind("id", id.value()).map(Companies::company).one();
    }

    Mono<Company> findByName(String name) {
        return db.sql("select id, name, billing_country, created_at from companies where name = :name").bind("name", name).map(Companies::company).one();
    }

    /** Every company, by name: the operator's list. */
    public Flux<Company> all() {
        return db.sql("select id, name, billing_country, created_at from companies order by lower(name)").map(Companies::company).all();
    }

    private static Company company(Readable row) {
        return new Company(new CompanyId(row.get("id", UUID.class)), row.get("name", String.class),
                CountryCode.of(row.get("billing_country", String.class)), row.get("created_at", Instant.class));
    }
}
