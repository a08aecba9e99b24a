package com.mobayilo.calls.twilio;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Twilio edges the browser's Device tries, in order, and the one "Test my connection" measures
 * ({@code MOBAYILO_TWILIO_EDGES}, default {@code frankfurt,dublin}; docs/decisions/0026-call-quality.md). The SDK
 * falls back to the next edge when one cannot be reached. A name Twilio does not know stops the start.
 */
@Component
public class TwilioEdges {

    /** Twilio's Voice SDK edge locations, with their private-interconnect variants, and {@code roaming}. */
    private static final Set<String> KNOWN = Set.of("ashburn", "dublin", "frankfurt", "sao-paulo", "singapore", "sydney", "tokyo", "umatilla",
            "roaming", "ashburn-ix", "frankfurt-ix", "san-jose-ix", "london-ix", "singapore-ix", "sydney-ix", "tokyo-ix");

    private final List<String> edges;

    TwilioEdges(@Value("${mobayilo.twilio.edges:frankfurt,dublin}") String edges) {
        this.edges = parse(edges);
    }

    static List<String> parse(String value) {
        var edges = Arrays.stream(value == null ? new String[0] : value.split(",")).map(String::strip).filter(edge -> !edge.isEmpty()).distinct().toList();
        var unknown = edges.stream().filter(edge -> !KNOWN.contains(edge)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("MOBAYILO_TWILIO_EDGES names edges Twilio does not have: " + unknown + "; known: " + KNOWN);
        }
        return edges;
    }

    public List<String> inOrder() {
        return edges;
    }
}
