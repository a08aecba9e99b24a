package com.mobayilo.rating;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sample deck is what the generator makes from the current libphonenumber metadata, and it covers
 * every country calling code. {@code -Dsample.deck.write=true} regenerates the file.
 */
class SampleDeckTests {

    private static final Path FILE = Path.of("src/main/resources", SampleDeck.RESOURCE);

    @Test
    void theShippedSampleDeckIsUpToDateWithTheGenerator() throws IOException {
        var generated = SampleDeckGenerator.csv();
        if (Boolean.getBoolean("sample.deck.write")) {
            Files.writeString(FILE, generated);
        }
        assertThat(Files.readString(FILE)).isEqualTo(generated);
    }

    @Test
    void theSampleDeckIsValidAndCoversEveryCountryCallingCode() throws IOException {
        var upload = DeckCsv.parse(new StringReader(Files.readString(FILE)), lines -> { });
        assertThat(upload.errors()).isEmpty();
        var codes = PhoneNumberUtil.getInstance().getSupportedCallingCodes();
        var covered = codes.stream().filter(code -> upload.rows().stream().anyMatch(rate -> rate.prefix().startsWith(Integer.toString(code))))
                .collect(Collectors.toSet());
        assertThat(covered).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(upload.rows()).anyMatch(rate -> rate.description().equals("Congo DR — Mobile"));
        assertThat(upload.rows().size()).isGreaterThan(1000);
    }
}
