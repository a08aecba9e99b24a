package com.mobayilo.wallet;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** Which transactions of a wallet to list: some kinds (all if empty), between two days in the reader's zone. */
public record HistoryFilter(Set<TransactionKind> kinds, LocalDate from, LocalDate to, ZoneId zone) {

    public static HistoryFilter everything(ZoneId zone) {
        return new HistoryFilter(Set.of(), null, null, zone);
    }

    String[] kindNames() {
        return (kinds.isEmpty() ? Set.of(TransactionKind.values()) : kinds).stream().map(Enum::name).toArray(String[]::new);
    }
}
