package com.mobayilo.companies;

import java.time.Clock;

import com.mobayilo.accounts.Registration;
import com.mobayilo.accounts.SignUp;
import com.mobayilo.accounts.User;
import com.mobayilo.wallet.Ledger;
import com.mobayilo.wallet.Owner;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Creating a company: the company, its wallet, and its founding admin (who also calls as a seat without caps),
 * all or nothing. The admin verifies their email like anyone else before money moves.
 */
@Service
public class CompanySignUps {

    private final Companies companies;

    private final Seats seats;

    private final Registration registration;

    private final Ledger ledger;

    private final TransactionalOperator transaction;

    private final Clock clock;

    CompanySignUps(Companies companies, Seats seats, Registration registration, Ledger ledger, TransactionalOperator transaction, Clock clock) {
        this.companies = companies;
        this.seats = seats;
        this.registration = registration;
        this.ledger = ledger;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The company and its admin; {@code admin.homeCountry()} is taken as the company's billing country. */
    public Mono<User> signUp(String companyName, SignUp admin) {
        return Mono.fromCallable(() -> Company.found(companyName, admin.homeCountry(), clock.instant()))
                .flatMap(companies::insert)
                .flatMap(company -> ledger.walletOf(Owner.company(company.id().value()))
                        .then(registration.signUpCompanyAdmin(company.id().value(), admin))
                        .flatMap(user -> seats.insert(Seat.founder(user.id(), company.id(), user.fullName(), user.email().value(), clock.instant()), null)
                                .thenReturn(user)))
                .as(transaction::transactional);
    }
}
