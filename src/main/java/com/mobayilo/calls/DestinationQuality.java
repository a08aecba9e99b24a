package com.mobayilo.calls;

import java.util.Map;

import com.mobayilo.shared.CountryCode;

/** How callers rated calls to one country, and how many calls to it the network dropped and were credited back. */
public record DestinationQuality(CountryCode country, long ratings, double averageScore, Map<RatingIssue, Long> issues, long drops) {

    public DestinationQuality {
        issues = Map.copyOf(issues);
    }
}
