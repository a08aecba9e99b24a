package com.mobayilo.operations;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Memory sizes as Kubernetes and the JVM write them, in MiB. */
final class Memory {

    /**
     * MiB that the JVM uses beyond heap, metaspace, code cache and direct memory, which no flag bounds: thread stacks,
     * GC and class-space structures, symbol tables, malloc arenas. Measured with Native Memory Tracking on the app under
     * load (docs/deployment.md, "Memory"), with headroom.
     */
    static final int UNSIZED_MIB = 200;

    private Memory() {
    }

    /** {@code 1Gi}, {@code 768Mi}. */
    static int mebibytes(String quantity) {
        var matcher = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity);
        assertThat(matcher.matches()).as("a memory quantity in Mi or Gi: " + quantity).isTrue();
        var value = Integer.parseInt(matcher.group(1));
        return matcher.group(2).equals("Gi") ? value * 1024 : value;
    }

    /** The size a JVM option such as {@code -Xmx384m} sets, in MiB. */
    static int option(String options, String prefix) {
        var matcher = Pattern.compile("(?:^|\\s)" + Pattern.quote(prefix) + "(\\d+)([mMgG])(?:\\s|$)").matcher(options);
        assertThat(matcher.find()).as(prefix + " is set in " + options).isTrue();
        var value = Integer.parseInt(matcher.group(1));
        return matcher.group(2).equalsIgnoreCase("g") ? value * 1024 : value;
    }
}
