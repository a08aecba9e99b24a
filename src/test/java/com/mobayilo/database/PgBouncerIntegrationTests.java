package com.mobayilo.database;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.ApiKeys;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.SseClient;
import com.mobayilo.testing.TestApp;
import com.mobayilo.testing.TestDatabase;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static com.mobayilo.testing.Http.get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas whose pools go through PgBouncer in transaction mode, with LISTEN and Flyway straight to PostgreSQL
 * (docs/decisions/0034-database-connections.md): they start, migrate, serve and hear each other's events.
 */
class PgBouncerIntegrationTests {

    @Test
    void twoReplicasBehindATransactionPoolerStartServeAndHearEachOther() throws Exception {
        var database = TestDatabase.fresh();
        var direct = database.arguments();
        var r2dbcUrl = value(direct, "--spring.r2dbc.url=");
        var host = r2dbcUrl.replaceAll("r2dbc:postgresql://([^:/]+):(\\d+)/.*", "$1");
        var port = Integer.parseInt(r2dbcUrl.replaceAll("r2dbc:postgresql://([^:/]+):(\\d+)/.*", "$2"));
        roleCarriesTheStatementTimeout(direct);
        try (var bouncer = PgBouncer.inTransactionMode(host, port, value(direct, "--spring.r2dbc.username="));
                var writer = behind(bouncer, direct, r2dbcUrl, "replica-a");
                var reader = behind(bouncer, direct, r2dbcUrl, "replica-b")) {
            assertThat(migrations(writer)).isGreaterThanOrEqualTo(12);
            assertThat(writer.bean(DatabaseClient.class).sql("show statement_timeout").map(row -> row.get(0, String.class)).one().block())
                    .as("the timeout the pooler cannot pass on comes from the database").isEqualTo("15s");
            var user = writer.bean(Registration.class).signUp(new SignUp("bouncer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                    "Pooled Caller", "pooled-caller-password", "BE", Locale.ENGLISH)).block();
            var key = writer.bean(ApiKeys.class).create(user.id(), "tests").block().secret();
            var wallet = writer.bean(Ledger.class).walletOf(Owner.user(user.id().value())).block().id();
            try (var stream = SseClient.connect(reader.coreUrl(), key)) {
                writer.bean(Ledger.class).credit(wallet, Money.cents(700),
                        JournalEntry.of(TransactionKind.PROMOTION, "TEST", "pgbouncer", "test credit", UUID.randomUUID().toString())).block();
                // The reader polls only every minute: the event can reach it in time only through its LISTEN.
                assertThat(stream.next(1, Duration.ofSeconds(10))).singleElement()
                        .satisfies(event -> assertThat(event.data()).contains("\"balanceCents\": 700"));
            }
            var answer = get(reader.coreUrl() + "/api/v1/wallet", "Authorization", "Bearer " + key);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"balanceCents\":700");
        }
    }

    private static TestApp behind(PgBouncer bouncer, String[] direct, String r2dbcUrl, String replica) {
        var pooled = r2dbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + bouncer.port() + "/");
        var arguments = Arrays.stream(direct).map(argument -> argument.startsWith("--spring.r2dbc.url=") ? "--spring.r2dbc.url=" + pooled : argument)
                .toArray(String[]::new);
        return TestApp.on(arguments, "--HOSTNAME=" + replica, "--mobayilo.database.pooler=transaction", "--mobayilo.database.listen-url=" + r2dbcUrl,
                "--mobayilo.events.poll-interval=PT1M");
    }

    /** What decision 0034 asks of an operator behind a transaction pooler (here on the database rather than the shared role). */
    private static void roleCarriesTheStatementTimeout(String[] direct) throws Exception {
        var url = value(direct, "--spring.flyway.url=");
        try (var connection = DriverManager.getConnection(url, value(direct, "--spring.flyway.user="), value(direct, "--spring.flyway.password="));
                var statement = connection.createStatement()) {
            statement.execute("alter database " + url.substring(url.lastIndexOf('/') + 1) + " set statement_timeout = '15s'");
        }
    }

    private static int migrations(TestApp app) throws Exception {
        try (var connection = app.jdbc();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from flyway_schema_history where success")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static String value(String[] arguments, String prefix) {
        return Arrays.stream(arguments).filter(argument -> argument.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }
}
