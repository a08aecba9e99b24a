package com.mobayilo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Feature packages talk only through each other's top-level API, and depend on each other without cycles. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(MobayiloApplication.class);

    @Test
    void featureModulesRespectEachOthersBoundaries() {
        modules.verify();
    }
}
