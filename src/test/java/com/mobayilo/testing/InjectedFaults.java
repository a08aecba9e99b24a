package com.mobayilo.testing;

import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Makes PostgreSQL fail the first journal booking of one source (a call's sid, a top-up's id) with a given SQL
 * state, as a real serialization failure or deadlock would: the error aborts the database transaction it
 * happens in. A sequence counts the attempts, because sequences are not rolled back with the transaction.
 */
public final class InjectedFaults {

    public static final String SERIALIZATION_FAILURE = "40001";

    public static final String DEADLOCK = "40P01";

    private InjectedFaults() {
    }

    public static void failFirstBookingOf(TestApp app, String sourceRef, String sqlState) {
        var db = app.bean(DatabaseClient.class);
        db.sql("create table if not exists test_faults (source_ref text primary key, sql_state text not null, attempts text not null)").then().block();
        db.sql("""
                create or replace function test_fault() returns trigger language plpgsql as $$
                declare fault test_faults;
                begin
                  select * into fault from test_faults where source_ref = new.source_ref;
                  if found and nextval(fault.attempts) = 1 then
                    raise exception 'injected fault for %', new.source_ref using errcode = fault.sql_state;
                  end if;
                  return new;
                end $$""").then().block();
        db.sql("""
                do $$ begin
                  if not exists (select 1 from pg_trigger where tgname = 'test_fault') then
                    create trigger test_fault after insert on journal_transactions for each row execute function test_fault();
                  end if;
                end $$""").then().block();
        var attempts = "test_fault_" + UUID.randomUUID().toString().replace("-", "");
        db.sql("create sequence " + attempts).then().block();
        db.sql("insert into test_faults (source_ref, sql_state, attempts) values (:ref, :state, :attempts)")
                .bind("ref", sourceRef).bind("state", sqlState).bind("attempts", attempts).then().block();
    }

    /** How many times a booking of {@code sourceRef} was attempted since its fault was armed. */
    public static long attempts(TestApp app, String sourceRef) {
        var db = app.bean(DatabaseClient.class);
        var sequence = db.sql("select attempts from test_faults where source_ref = :ref").bind("ref", sourceRef)
                .map(row -> row.get(0, String.class)).one().block();
        return db.sql("select case when is_called then last_value else 0 end from " + sequence).map(row -> row.get(0, Long.class)).one().block();
    }
}
