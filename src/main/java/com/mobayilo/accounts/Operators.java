package com.mobayilo.accounts;

import java.util.Arrays;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Outside the sandbox, operators are ordinary accounts named in {@code MOBAYILO_OPERATORS} (comma-separated
 * emails): they sign up like anyone and are given the operator role at start.
 */
@Component
@Order(20)
class Operators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Operators.class);

    private final Users users;

    private final String operators;

    Operators(Users users, @Value("${MOBAYILO_OPERATORS:}") String operators) {
        this.users = users;
        this.operators = operators;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.fromStream(Arrays.stream(operators.split(",")).map(String::strip).filter(EmailAddress::isValid))
                .map(EmailAddress::of)
                .concatMap(users::findByEmail)
                .filter(user -> user.role() != Role.OPERATOR)
                .concatMap(user -> users.update(user.promoteTo(Role.OPERATOR)))
                .doOnNext(user -> log.info("{} is an operator", user.email()))
                .blockLast();
    }
}
