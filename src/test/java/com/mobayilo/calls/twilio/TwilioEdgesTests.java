package com.mobayilo.calls.twilio;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioEdgesTests {

    @Test
    void edgesAreTriedInTheOrderGivenWithoutBlanksOrRepeats() {
        assertThat(new TwilioEdges(" frankfurt, dublin,,frankfurt ").inOrder()).containsExactly("frankfurt", "dublin");
    }

    @Test
    void noEdgesLeavesTheChoiceToTwilio() {
        assertThat(new TwilioEdges("").inOrder()).isEmpty();
    }

    @Test
    void anEdgeTwilioDoesNotHaveStopsTheStartAndSaysWhichNamesExist() {
        assertThatThrownBy(() -> new TwilioEdges("frankfurt,johannesburg")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("johannesburg").hasMessageContaining("dublin");
    }
}
