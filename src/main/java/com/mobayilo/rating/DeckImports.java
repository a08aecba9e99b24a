package com.mobayilo.rating;

import java.util.List;
import java.util.Map;

import com.mobayilo.accounts.UserId;
import com.mobayilo.events.EventLog;
import com.mobayilo.events.Streams;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Replacing the sell deck: preview first, then apply all rows at once. Applying audits who did it and tells
 * every instance to reload through a {@code rate-deck.changed} event on the system stream.
 */
@Service
public class DeckImports {

    private final DeckRows rows;

    private final RateDeck deck;

    private final PolicyChanges audit;

    private final EventLog events;

    private final TransactionalOperator transaction;

    DeckImports(DeckRows rows, RateDeck deck, PolicyChanges audit, EventLog events, TransactionalOperator transaction) {
        this.rows = rows;
        this.deck = deck;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
    }

    public DeckChanges preview(DeckUpload upload) {
        requireValid(upload);
        return DeckChanges.between(deck.rows(), upload.rows());
    }

    public Mono<DeckChanges> apply(DeckUpload upload, UserId operator) {
        requireValid(upload);
        var changes = DeckChanges.between(deck.rows(), upload.rows());
        var summary = PolicyChange.of("Imported %d rows: %d added, %d changed, %d removed".formatted(upload.rows().size(), changes.added().size(),
                changes.changed().size(), changes.removed().size()), "policy.change.deck.imported", upload.rows().size(), changes.added().size(),
                changes.changed().size(), changes.removed().size());
        return replace(upload.rows(), summary, operator == null ? null : operator.value()).thenReturn(changes);
    }

    Mono<Void> replace(List<Rate> newRows, PolicyChange summary, java.util.UUID operator) {
        return rows.replaceWith(newRows)
                .then(audit.record("RATE_DECK", summary, operator))
                .then(events.append(Streams.SYSTEM, RateDeck.CHANGED, Map.of("rows", newRows.size())))
                .as(transaction::transactional)
                .then(Mono.defer(deck::load));
    }

    private static void requireValid(DeckUpload upload) {
        if (!upload.isValid()) {
            throw new InvalidDeck(upload.errors().size());
        }
    }
}
