package com.mobayilo.jobs;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Work of one type, done by whichever instance claims the job. Handlers must be safe to run again. */
public interface JobHandler {

    String type();

    Mono<Void> handle(JsonNode payload);
}
