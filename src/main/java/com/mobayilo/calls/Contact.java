package com.mobayilo.calls;

import com.mobayilo.accounts.UserId;
import com.mobayilo.rating.PhoneNumber;

/** Someone a person calls often, dialled with one click: a name and a valid number. */
public record Contact(ContactId id, UserId owner, String name, PhoneNumber number) {

    static final int LONGEST_NAME = 100;

    /** A new contact; the name is trimmed and must say something, briefly. */
    public static Contact of(UserId owner, String name, PhoneNumber number) {
        var trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidContact(InvalidContact.Problem.NAME_MISSING);
        }
        if (trimmed.length() > LONGEST_NAME) {
            throw new InvalidContact(InvalidContact.Problem.NAME_TOO_LONG, LONGEST_NAME);
        }
        return new Contact(ContactId.random(), owner, trimmed, number);
    }
}
