package com.mobayilo.wallet;

import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Users;
import com.mobayilo.database.Seeding;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.shared.Money;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** In full sandbox mode the demo individual starts with 500 credits ($5.00), booked once as a promotion. */
@Component
@Order(30)
class DemoCredit implements ApplicationRunner {

    static final Money STARTING_CREDIT = Money.cents(500);

    private final SandboxMode sandbox;

    private final Users users;

    private final Ledger ledger;

    private final Seeding seeding;

    DemoCredit(SandboxMode sandbox, Users users, Ledger ledger, Seeding seeding) {
        this.seeding = seeding;
        this.sandbox = sandbox;
        this.users = users;
        this.ledger = ledger;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!sandbox.isFullSandbox()) {
            return;
        }
        seeding.exclusively(() -> users.findByEmail(EmailAddress.of("demo@mobayilo.test"))
                        .flatMap(demo -> ledger.walletOf(Owner.user(demo.id().value()))
                                .flatMap(wallet -> ledger.credit(wallet.id(), STARTING_CREDIT,
                                        JournalEntry.of(TransactionKind.PROMOTION, "SANDBOX", "demo", Memo.of("memo.demo"), "demo-credit:" + demo.id())))))
                .block();
    }
}
