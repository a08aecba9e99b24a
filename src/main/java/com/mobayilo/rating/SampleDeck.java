package com.mobayilo.rating;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import com.mobayilo.database.Seeding;
import com.mobayilo.sandbox.SandboxMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * In full sandbox mode, an empty deck is filled with the shipped sample deck: every country calling code, with
 * mobile and landline prefixes, at sample prices that are labelled as such (docs/rate-deck.md).
 */
@Component
@Order(40)
class SampleDeck implements ApplicationRunner {

    static final String RESOURCE = "rating/sample-deck.csv";

    private static final Logger log = LoggerFactory.getLogger(SampleDeck.class);

    private final SandboxMode sandbox;

    private final DeckRows rows;

    private final DeckImports imports;

    private final Seeding seeding;

    SampleDeck(SandboxMode sandbox, DeckRows rows, DeckImports imports, Seeding seeding) {
        this.seeding = seeding;
        this.sandbox = sandbox;
        this.rows = rows;
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!sandbox.isFullSandbox() || rows.count().block() > 0) {
            return;
        }
        var upload = sample();
        // checked again under the seeding lock: a replica starting at the same time may have loaded it meanwhile
        var loaded = seeding.exclusively(() -> rows.count().filter(count -> count == 0)
                .flatMap(empty -> imports.replace(upload.rows(), PolicyChange.of("Loaded the sandbox sample deck (" + upload.rows().size() + " rows)",
                        "policy.change.deck.sample", upload.rows().size()), null).thenReturn(true))).blockOptional();
        if (loaded.isPresent()) {
            log.info("Sandbox: loaded the sample rate deck ({} rows, sample prices)", upload.rows().size());
        }
    }

    private static DeckUpload sample() throws IOException {
        try (var reader = new InputStreamReader(new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8)) {
            var upload = DeckCsv.parse(reader, lines -> { });
            if (!upload.isValid()) {
                throw new IllegalStateException("The shipped sample deck is invalid: " + upload.errors());
            }
            return upload;
        }
    }
}
