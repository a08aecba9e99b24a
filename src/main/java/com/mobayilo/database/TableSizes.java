package com.mobayilo.database;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every table's live rows and size on disk, so an operator sees what grows (docs/decisions/0036-retention.md): the
 * ledger grows forever by design, an operational table that keeps growing is a purge that stopped. Read from
 * PostgreSQL's statistics, not by counting, so sampling costs nothing however large the tables get.
 */
@Component
class TableSizes {

    private static final Logger log = LoggerFactory.getLogger(TableSizes.class);

    private final DatabaseClient db;

    private final MultiGauge rows;

    private final MultiGauge bytes;

    TableSizes(DatabaseClient db, MeterRegistry meters) {
        this.db = db;
        this.rows = MultiGauge.builder("mobayilo.database.table.rows").description("Live rows, as PostgreSQL's statistics estimate them")
                .register(meters);
        this.bytes = MultiGauge.builder("mobayilo.database.table.size").baseUnit("bytes")
                .description("Size on disk with indexes and TOAST").register(meters);
    }

    @Scheduled(fixedDelayString = "${mobayilo.metrics.sample-interval:PT30S}", initialDelayString = "PT5S")
    Mono<List<Table>> sample() {
        return db.sql("""
                        select relname, n_live_tup, pg_total_relation_size(relid) as bytes
                        from pg_stat_user_tables where schemaname = current_schema() and relname not like 'flyway%'""")
                .map(row -> new Table(row.get("relname", String.class), row.get("n_live_tup", Long.class), row.get("bytes", Long.class)))
                .all().collectList()
                .doOnNext(tables -> {
                    rows.register(tables.stream().map(table -> MultiGauge.Row.of(table.tags(), table.rows())).toList(), true);
                    bytes.register(tables.stream().map(table -> MultiGauge.Row.of(table.tags(), table.bytes())).toList(), true);
                })
                .onErrorResume(ex -> {
                    log.debug("Could not sample table sizes: {}", ex.toString());
                    return Mono.empty();
                });
    }

    record Table(String name, long rows, long bytes) {

        Tags tags() {
            return Tags.of("table", name);
        }
    }
}
