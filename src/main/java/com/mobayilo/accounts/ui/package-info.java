/**
 * The account pages, and what other features' pages share with them: signing a session in ({@link SessionSignIn})
 * and the form rules ({@link Fields}).
 */
@NamedInterface("ui")
package com.mobayilo.accounts.ui;

import org.springframework.modulith.NamedInterface;
