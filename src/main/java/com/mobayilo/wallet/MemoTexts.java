package com.mobayilo.wallet;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Memos in words, from the same bundles as the rest of the app (docs/decisions/0007-one-set-of-translations.md).
 * The ledger keeps an English rendering beside each key, for whoever reads the tables directly.
 */
@Component
class MemoTexts {

    private final MessageSource messages;

    MemoTexts(MessageSource messages) {
        this.messages = messages;
    }

    String english(Memo memo) {
        return memo.in(Locale.ENGLISH, (key, locale, args) -> messages.getMessage(key, args, key, locale));
    }
}
