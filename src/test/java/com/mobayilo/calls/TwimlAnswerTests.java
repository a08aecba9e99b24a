package com.mobayilo.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.mobayilo.accounts.UserId;
import com.mobayilo.calls.twilio.TwiMl;
import com.mobayilo.rating.PhoneNumber;
import com.mobayilo.rating.Rate;
import com.mobayilo.shared.CountryCode;
import com.mobayilo.shared.Money;
import com.mobayilo.wallet.HoldId;
import com.mobayilo.wallet.WalletId;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class TwimlAnswerTests {

    private static final String PUBLIC_URL = "https://mobayilo.example";

    @Test
    void aClearedCallDialsTheNumberForTheSecondsItsHoldPaysAndReportsEveryStep() {
        var number = PhoneNumber.parse("0812345678", CountryCode.of("CD"));
        var call = Call.connecting(Telephony.newSid(), UserId.newId(), new WalletId(UUID.randomUUID()), number,
                new Rate("24381", CountryCode.of("CD"), "DR Congo — Mobile", Money.cents(22), LocalDate.EPOCH), 4, new HoldId(UUID.randomUUID()),
                "+15005550006", Instant.now());
        var twiml = TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Connect(call, "+15005550006"), PUBLIC_URL, new StaticMessageSource()));
        assertThat(twiml.dial().getAttribute("callerId")).isEqualTo("+15005550006");
        assertThat(twiml.dial().getAttribute("timeLimit")).isEqualTo("240");
        assertThat(twiml.dial().getAttribute("answerOnBridge")).isEqualTo("true");
        assertThat(twiml.dial().getAttribute("action")).isEqualTo(PUBLIC_URL + TwiMl.STATUS_PATH);
        assertThat(twiml.dial().getAttribute("method")).isEqualTo("POST");
        assertThat(twiml.number().getTextContent()).isEqualTo("+243812345678");
        assertThat(twiml.number().getAttribute("statusCallback")).isEqualTo(PUBLIC_URL + TwiMl.STATUS_PATH);
        assertThat(twiml.number().getAttribute("statusCallbackMethod")).isEqualTo("POST");
        assertThat(twiml.number().getAttribute("statusCallbackEvent")).isEqualTo("initiated ringing answered completed");
    }

    @Test
    void aRefusedCallIsToldWhyInTheCallersLanguageAndHungUpOn() {
        var messages = new StaticMessageSource();
        messages.addMessage(Refusal.INSUFFICIENT_CREDIT.messageKey(), Locale.FRENCH, "Crédit insuffisant & <rien> de plus");
        var twiml = TwimlDocument.parse(TwiMl.answer(new VoiceAnswer.Refuse(Refusal.INSUFFICIENT_CREDIT, Locale.FRENCH), PUBLIC_URL, messages));
        assertThat(twiml.say()).isEqualTo("Crédit insuffisant & <rien> de plus");
        assertThat(twiml.sayLanguage()).isEqualTo("fr-FR");
        assertThat(twiml.hasHangup()).isTrue();
        assertThat(twiml.dial()).isNull();
    }
}
