package com.mobayilo.shared;

import java.time.Duration;

/** A refusal that lifts by itself after a while, such as a rate limit; edges tell the client when. */
public interface RetryLater {

    Duration retryAfter();
}
