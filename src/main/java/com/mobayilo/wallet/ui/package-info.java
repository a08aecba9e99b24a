/**
 * The wallet's pages. Other features add to the wallet page through {@link com.mobayilo.wallet.ui.WalletSection} and
 * follow balance changes through {@link com.mobayilo.wallet.ui.BalanceUpdates} (docs/decisions/0008-ui-shell-extension-points.md).
 */
@NamedInterface("ui")
package com.mobayilo.wallet.ui;

import org.springframework.modulith.NamedInterface;
