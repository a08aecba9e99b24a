package com.mobayilo.accounts.ui;

import java.util.Optional;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.User;
import com.mobayilo.accounts.Users;
import com.mobayilo.ui.UiWait;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.springframework.stereotype.Component;

/** The signed-in account of the current request, and its fresh state from the database. */
@Component
class CurrentAccount {

    private final AuthenticationContext authentication;

    private final Users users;

    CurrentAccount(AuthenticationContext authentication, Users users) {
        this.authentication = authentication;
        this.users = users;
    }

    Optional<AccountPrincipal> principal() {
        return authentication.getAuthenticatedUser(AccountPrincipal.class);
    }

    Optional<User> user() {
        return principal().flatMap(principal -> users.findById(principal.id()).blockOptional(UiWait.LIMIT));
    }
}
