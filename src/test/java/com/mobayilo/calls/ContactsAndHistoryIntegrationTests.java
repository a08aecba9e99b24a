package com.mobayilo.calls;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.testing.TestApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contacts and call history on the real database: each person's own, paged, by period. */
class ContactsAndHistoryIntegrationTests {

    private static TestApp app;

    private static Telephony phone;

    @BeforeAll
    static void start() {
        app = TestApp.shared();
        phone = new Telephony(app);
    }

    @Test
    void aContactIsSavedInE164FromAnyPastedFormatAndOnlyItsOwnerSeesIt() {
        var contacts = app.bean(Contacts.class);
        var owner = phone.caller(0);
        var stranger = phone.caller(0);
        var saved = contacts.add(owner.id(), "  Amélie  ", "06 12 34 56 78", CountryCode.of("FR")).block();
        assertThat(saved.name()).isEqualTo("Amélie");
        assertThat(saved.number().e164()).isEqualTo("+33612345678");
        assertThat(contacts.of(owner.id()).collectList().block()).extracting(Contact::name).containsExactly("Amélie");
        assertThat(contacts.of(stranger.id()).collectList().block()).isEmpty();
        assertThat(contacts.remove(stranger.id(), saved.id()).block()).as("a stranger cannot remove it").isFalse();
        assertThat(contacts.remove(owner.id(), saved.id()).block()).isTrue();
        assertThat(contacts.of(owner.id()).collectList().block()).isEmpty();
    }

    @Test
    void theSameNumberCannotBeSavedTwiceByOnePerson() {
        var contacts = app.bean(Contacts.class);
        var owner = phone.caller(0);
        contacts.add(owner.id(), "Papa", "+243 81 234 5678", null).block();
        assertThatThrownBy(() -> contacts.add(owner.id(), "Dad", "00243812345678", CountryCode.of("FR")).block())
                .isInstanceOfSatisfying(InvalidContact.class, refused -> {
                    assertThat(refused.problem()).isEqualTo(InvalidContact.Problem.ALREADY_SAVED);
                    assertThat(refused.arguments()).containsExactly(PhoneNumber.parse("+243812345678", null).international());
                });
        var other = phone.caller(0);
        assertThat(contacts.add(other.id(), "Papa", "+243812345678", null).block().number().e164()).isEqualTo("+243812345678");
    }

    @Test
    void theHistoryPagesThroughAPersonsCallsNewestFirstAndExportsThemAll() {
        var history = app.bean(CallHistory.class);
        var caller = phone.caller(500);
        var sids = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var sid = Telephony.newSid();
            sids.add(sid);
            assertThat(phone.voice(sid, caller, "+243812345678").statusCode()).isEqualTo(200);
            phone.status(sid, Telephony.newSid(), "completed", 61 + i);
        }
        var everything = CallPeriod.of(null, null, ZoneOffset.UTC);
        assertThat(history.count(caller.id(), everything).block()).isEqualTo(3);
        assertThat(history.page(caller.id(), everything, 0, 2).map(Call::callSid).collectList().block()).containsExactly(sids.get(2), sids.get(1));
        assertThat(history.page(caller.id(), everything, 2, 2).map(Call::callSid).collectList().block()).containsExactly(sids.get(0));
        assertThat(history.all(caller.id(), everything).map(Call::cost).collectList().block()).containsOnly(Money.cents(44));
        var tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        assertThat(history.count(caller.id(), CallPeriod.of(tomorrow, null, ZoneOffset.UTC)).block()).isZero();
        assertThat(history.count(phone.caller(0).id(), everything).block()).as("another person's history").isZero();
    }
}
