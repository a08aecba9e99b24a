package com.mobayilo.companies;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.EmailAddress;
import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.Role;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.Users;
import com.mobayilo.database.Seeding;
import com.mobayilo.sandbox.SandboxMode;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.JournalEntry;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Memo;
import com.mobayilo.wallet.Owner;
import com.mobayilo.wallet.TransactionKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The demo company of CONTRACTS.md, created on first start in full sandbox mode only: "Acme Export" with 5,000
 * credits, its admin {@code admin@acme.test} and two seats who sign in by link, Ana (caps $20 a day, $200 a
 * month) and Ben (caps $5 a day, $50 a month, France, the DR Congo and the United States only).
 */
@Component
@Order(30)
class DemoCompany implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCompany.class);

    static final String ADMIN = "admin@acme.test";

    static final Money STARTING_CREDIT = Money.cents(5_000);

    private final SandboxMode sandbox;

    private final Users users;

    private final CompanySignUps signUps;

    private final Registration registration;

    private final Seats seats;

    private final Ledger ledger;

    private final TransactionalOperator transaction;

    private final Clock clock;

    private final Seeding seeding;

    DemoCompany(SandboxMode sandbox, Users users, CompanySignUps signUps, Registration registration, Seats seats, Ledger ledger,
            TransactionalOperator transaction, Clock clock, Seeding seeding) {
        this.seeding = seeding;
        this.sandbox = sandbox;
        this.users = users;
        this.signUps = signUps;
        this.registration = registration;
        this.seats = seats;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sandbox.isFullSandbox()) {
            seeding.exclusively(() -> users.findByEmail(EmailAddress.of(ADMIN)).switchIfEmpty(Mono.defer(this::create))).block();
        }
    }

    private Mono<com.mobayilo.accounts.User> create() {
        return signUps.signUp("Acme Export", new SignUp(ADMIN, "Amara Admin", "acme-password-1", "US", Locale.ENGLISH))
                .flatMap(admin -> users.update(admin.verifyEmail(clock.instant())))
                .flatMap(admin -> {
                    var company = new CompanyId(admin.companyId());
                    var acting = AccountPrincipal.of(admin);
                    return ledger.walletOf(Owner.company(company.value()))
                            .flatMap(wallet -> ledger.credit(wallet.id(), STARTING_CREDIT, JournalEntry.of(TransactionKind.PROMOTION, "SANDBOX", "acme",
                                    Memo.of("memo.demo"), "demo-credit:" + company.value())))
                            .then(seat(acting, company, "ana@acme.test", "Ana Lima", new SeatSettings(Optional.of(Money.cents(2_000)),
                                    Optional.of(Money.cents(20_000)), Set.of(), 1, Optional.empty())))
                            .then(seat(acting, company, "ben@acme.test", "Ben Okafor", new SeatSettings(Optional.of(Money.cents(500)),
                                    Optional.of(Money.cents(5_000)), Set.of(CountryCode.of("FR"), CountryCode.of("CD"), CountryCode.of("US")), 1,
                                    Optional.empty())))
                            .thenReturn(admin);
                })
                .as(transaction::transactional)
                .doOnNext(admin -> log.info("Sandbox: created demo company Acme Export ({}, ana@acme.test, ben@acme.test)", ADMIN));
    }

    private Mono<Seat> seat(AccountPrincipal admin, CompanyId company, String email, String name, SeatSettings settings) {
        return registration.registerInvited(company.value(), Role.SEAT, email, name, CountryCode.of("US"), Locale.ENGLISH)
                .flatMap(user -> seats.insert(Seat.invited(user.id(), company, name, email, Role.SEAT, settings, clock.instant()).signedIn(),
                        admin.id()));
    }
}
