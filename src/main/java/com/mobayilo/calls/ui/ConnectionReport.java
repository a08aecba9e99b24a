package com.mobayilo.calls.ui;

import tools.jackson.databind.JsonNode;

/**
 * What "Test my connection" found: the microphone ({@code ok}, {@code denied} or {@code missing}), the network as
 * Twilio's PreflightTest grades it (excellent, great, good, fair, degraded) with its MOS, round trip and jitter, the
 * edge the test reached, or the SDK's error code when it failed ("0" without one).
 */
record ConnectionReport(String microphone, String quality, Double mos, Integer rtt, Integer jitter, String edge, String failure) {

    static ConnectionReport of(JsonNode detail) {
        return new ConnectionReport(text(detail, "microphone"), text(detail, "quality"), number(detail, "mos"),
                number(detail, "rtt") == null ? null : number(detail, "rtt").intValue(),
                number(detail, "jitter") == null ? null : number(detail, "jitter").intValue(), text(detail, "edge"), text(detail, "failure"));
    }

    boolean microphoneWorks() {
        return "ok".equals(microphone);
    }

    private static String text(JsonNode detail, String field) {
        var node = detail == null ? null : detail.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Double number(JsonNode detail, String field) {
        var node = detail == null ? null : detail.get(field);
        return node == null || !node.isNumber() ? null : node.asDouble();
    }
}
