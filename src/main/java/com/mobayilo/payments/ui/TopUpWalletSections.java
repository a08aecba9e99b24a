package com.mobayilo.payments.ui;

import com.mobayilo.accounts.AccountPrincipal;
import com.mobayilo.accounts.Users;
import com.mobayilo.events.ui.LiveEvents;
import com.mobayilo.payments.AutoRechargeSettings;
import com.mobayilo.payments.TopUpStarts;
import com.mobayilo.payments.TopUps;
import com.mobayilo.ui.ClientZone;
import com.mobayilo.ui.UiWait;
import com.mobayilo.wallet.ui.BalanceUpdates;
import com.mobayilo.wallet.ui.WalletSection;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.spring.security.AuthenticationContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** What payments adds to the wallet page: "Add credit" right under the balance, auto-recharge, then the receipts. */
@Configuration(proxyBeanMethods = false)
class TopUpWalletSections {

    @Bean
    @Order(10)
    WalletSection addCreditSection(AuthenticationContext authentication, Users users, TopUpStarts starts) {
        return wallet -> new AddCredit(starts, users.findById(principal(authentication).id()).block(UiWait.LIMIT), wallet.id());
    }

    @Bean
    @Order(15)
    WalletSection autoRechargeSection(AuthenticationContext authentication, AutoRechargeSettings settings, LiveEvents live) {
        return wallet -> new AutoRechargeSection(settings, wallet.id(), principal(authentication).id(), live);
    }

    @Bean
    @Order(20)
    WalletSection receiptsSection(AuthenticationContext authentication, TopUps topUps, BalanceUpdates updates) {
        return wallet -> new ReceiptsList(topUps, wallet.id(), ClientZone.of(UI.getCurrent()), updates, principal(authentication));
    }

    private static AccountPrincipal principal(AuthenticationContext authentication) {
        return authentication.getAuthenticatedUser(AccountPrincipal.class).orElseThrow();
    }
}
