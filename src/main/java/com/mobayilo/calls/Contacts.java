package com.mobayilo.calls;

import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.shared.CountryCode;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/** A person's contacts, by name. Each person sees and changes only their own. */
@Service
public class Contacts {

    /** Enough for anyone's address book, small enough that nobody turns it into a number list to abuse. */
    static final int MOST_PER_PERSON = 500;

    private final DatabaseClient db;

    Contacts(DatabaseClient db) {
        this.db = db;
    }

    public Flux<Contact> of(UserId owner) {
        return db.sql("select id, owner_id, name, number from contacts where owner_id = :owner order by lower(name), number")
                .bind("owner", owner.value()).map(Contacts::contact).all();
    }

    /** Saves a contact; {@code rawNumber} is read as any pasted format, national numbers in {@code home}. */
    public Mono<Contact> add(UserId owner, String name, String rawNumber, CountryCode home) {
        return Mono.fromCallable(() -> Contact.of(owner, name, PhoneNumber.parse(rawNumber, home)))
                .flatMap(contact -> count(owner).flatMap(count -> count >= MOST_PER_PERSON
                        ? Mono.error(new InvalidContact(InvalidContact.Problem.TOO_MANY, MOST_PER_PERSON))
                        : insert(contact)));
    }

    public Mono<Boolean> remove(UserId owner, ContactId id) {
        return db.sql("delete from contacts where id = :id and owner_id = :owner")
                .bind("id", id.value()).bind("owner", owner.value())
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private Mono<Long> count(UserId owner) {
        return db.sql("select count(*) from contacts where owner_id = :owner").bind("owner", owner.value())
                .map(row -> row.get(0, Long.class)).one();
    }

    private Mono<Contact> insert(Contact contact) {
        return db.sql("insert into contacts (id, owner_id, name, number) values (:id, :owner, :name, :number)")
                .bind("id", contact.id().value()).bind("owner", contact.owner().value())
                .bind("name", contact.name()).bind("number", contact.number().e164())
                .fetch().rowsUpdated()
                .thenReturn(contact)
                .onErrorMap(DuplicateKeyException.class,
                        duplicate -> new InvalidContact(InvalidContact.Problem.ALREADY_SAVED, contact.number().international()));
    }

    private static Contact contact(Readable row) {
        return new Contact(new ContactId(row.get("id", UUID.class)), new UserId(row.get("owner_id", UUID.class)), row.get("name", String.class),
                PhoneNumber.parse(row.get("number", String.class), null));
    }
}
