package com.mobayilo.wallet.web;

import com.mobayilo.wallet.LedgerCheck;
import com.mobayilo.wallet.LedgerReport;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/** {@code GET /actuator/ledger} (operators only): the ledger's consistency check, run now. */
@Component
@Endpoint(id = "ledger")
class LedgerEndpoint {

    private final LedgerCheck check;

    LedgerEndpoint(LedgerCheck check) {
        this.check = check;
    }

    @ReadOperation
    Mono<LedgerReport> check() {
        return check.run();
    }
}
