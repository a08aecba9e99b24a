package com.mobayilo.calls;

import java.util.Locale;

/** How the voice webhook answers: connect the call, or say why not and hang up. */
public sealed interface VoiceAnswer {

    /** Dial {@code call.destination()} showing {@code callerId}, for at most the call's time limit. */
    record Connect(Call call, String callerId) implements VoiceAnswer {
    }

    /** Nothing was charged; the caller hears {@code refusal}'s message in their language. */
    record Refuse(Refusal refusal, Locale locale, Object... arguments) implements VoiceAnswer {
    }
}
