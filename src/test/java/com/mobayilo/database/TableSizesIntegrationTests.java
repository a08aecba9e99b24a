package com.mobayilo.database;

import java.util.regex.Pattern;

import com.mobayilo.testing.Http;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator's scrape shows every table's live rows and size on disk, so a purge that stopped shows as growth. */
class TableSizesIntegrationTests {

    @Test
    void theScrapeShowsEveryApplicationTablesRowsAndSize() {
        var app = TestApp.shared();
        app.bean(TableSizes.class).sample().block();
        var scrape = Http.get(app.coreUrl() + "/actuator/prometheus").body();

        for (var table : new String[] {"events", "jobs", "postings", "calls", "users"}) {
            var size = Pattern.compile("^mobayilo_database_table_size_bytes\\{[^}]*table=\"" + table + "\"[^}]*} (\\S+)$", Pattern.MULTILINE).matcher(scrape);
            assertThat(size.find()).as("the size of %s", table).isTrue();
            assertThat(Double.parseDouble(size.group(1))).as("the size of %s", table).isGreaterThanOrEqualTo(8192);
            assertThat(scrape).containsPattern("(?m)^mobayilo_database_table_rows\\{[^}]*table=\"" + table + "\"");
        }
        assertThat(scrape).doesNotContain("table=\"flyway_schema_history\"");
    }
}
