/**
 * The UI side of the event stream: features' views follow a user's live events through {@link com.mobayilo.events.ui.LiveEvents}.
 */
@NamedInterface("ui")
package com.mobayilo.events.ui;

import org.springframework.modulith.NamedInterface;
