import { LitElement, html, css, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** The remaining time below which the warning shows. */
const WARNING_SECONDS = 60;

/**
 * The call timer: elapsed time, cost so far and time left before the call's limit.
 * It ticks on its own from `started-at`, so the server only sets attributes when the call state changes.
 * All texts come from attributes, so that the server can translate them.
 *
 * The displayed elapsed time is also reflected to the host attribute `elapsed-text` (for tests).
 */
@customElement('mobayilo-call-timer')
export class MobayiloCallTimer extends LitElement {
  static styles = css`
    :host {
      display: block;
      font-family: var(--lumo-font-family, system-ui, sans-serif);
      color: var(--lumo-body-text-color, inherit);
    }
    :host([hidden]) {
      display: none;
    }
    #elapsed {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace;
      font-size: var(--lumo-font-size-xxxl, 2.5rem);
      font-variant-numeric: tabular-nums;
      line-height: 1.1;
    }
    .line {
      margin-top: var(--lumo-space-xs, 0.25rem);
      color: var(--lumo-secondary-text-color, #555);
      font-size: var(--lumo-font-size-s, 0.875rem);
    }
    .value {
      color: var(--lumo-body-text-color, inherit);
      font-variant-numeric: tabular-nums;
    }
    #warning {
      margin-top: var(--lumo-space-xs, 0.25rem);
      color: var(--lumo-error-text-color, #b42318);
      font-size: var(--lumo-font-size-s, 0.875rem);
      font-weight: 600;
    }
  `;

  /** Epoch milliseconds when the call was answered; 0 = not answered yet. */
  @property({ type: Number, attribute: 'started-at' }) startedAt = 0;

  /** Credits (US cents) per started minute. */
  @property({ type: Number, attribute: 'rate-cents' }) rateCents = 0;

  /** The call's time limit in seconds; 0 = unknown. */
  @property({ type: Number, attribute: 'limit-seconds' }) limitSeconds = 0;

  /** Simulated seconds per real second (the sandbox can run calls faster). */
  @property({ type: Number }) speed = 1;

  /** BCP 47 locale for numbers and currency; empty = the browser's. */
  @property() locale = '';

  /** Ticks while true; when false the timer freezes (at `ended-seconds` if set). */
  @property({ type: Boolean }) running = false;

  /** The final duration in seconds, shown once not running. */
  @property({ type: Number, attribute: 'ended-seconds' }) endedSeconds?: number | null;

  @property({ attribute: 'label-cost' }) labelCost = 'Cost so far';
  @property({ attribute: 'label-left' }) labelLeft = 'Time left';
  @property() warning = 'Less than a minute left: the call will end at the limit.';

  /** Output only: the elapsed time as displayed. */
  @property({ attribute: 'elapsed-text', reflect: true }) elapsedText = '0:00';

  /** Whole seconds shown by the last render: where the timer freezes when it stops. */
  private lastSeconds = 0;
  private ticker?: ReturnType<typeof setInterval>;
  private tickMs = 0;

  connectedCallback(): void {
    super.connectedCallback();
    this.syncTicker();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.syncTicker();
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('startedAt')) {
      // Another call: forget the last one's time, and its final duration unless given with it.
      this.lastSeconds = 0;
      if (!changed.has('endedSeconds')) this.endedSeconds = undefined;
    }
    this.lastSeconds = this.elapsedSeconds();
    // Set here, it is part of this update rather than causing another one.
    this.elapsedText = formatDuration(this.lastSeconds);
  }

  protected updated(): void {
    this.syncTicker();
  }

  protected render() {
    const seconds = this.lastSeconds;
    const started = this.startedAt > 0 || (this.frozenAtEnd() && seconds > 0);
    const limit = positive(this.limitSeconds);
    const left = limit > 0 ? Math.max(0, limit - seconds) : undefined;
    const warn = this.running && started && left !== undefined && left <= WARNING_SECONDS;
    return html`
      <div id="elapsed" role="timer" aria-live="off">${this.elapsedText}</div>
      ${started ? html`<div id="cost" class="line">${this.labelCost}: <span class="value">${this.cost(seconds)}</span></div>` : nothing}
      ${left !== undefined
        ? html`<div id="left" class="line">${this.labelLeft}: <span class="value">${formatDuration(left)}</span></div>`
        : nothing}
      ${warn ? html`<div id="warning" role="alert">${this.warning}</div>` : nothing}
    `;
  }

  /** Not running and told the final duration. */
  private frozenAtEnd(): boolean {
    return !this.running && typeof this.endedSeconds === 'number' && Number.isFinite(this.endedSeconds);
  }

  private elapsedSeconds(): number {
    if (this.frozenAtEnd()) return Math.max(0, Math.floor(this.endedSeconds as number));
    if (!this.startedAt) return 0;
    if (!this.running) return this.lastSeconds;
    const speed = positive(this.speed) || 1;
    // Clamped: the server's clock may be slightly ahead of the browser's.
    return Math.max(0, Math.floor(((Date.now() - this.startedAt) * speed) / 1000));
  }

  /** E.g. "$0.44 · 2 min": every started minute is charged, at least one once answered. */
  private cost(seconds: number): string {
    const minutes = Math.max(1, Math.ceil(seconds / 60));
    const locale = validLocale(this.locale);
    const amount = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).format(
      (minutes * positive(this.rateCents)) / 100,
    );
    const duration = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(
      minutes,
    );
    return `${amount} · ${duration}`;
  }

  /** Ticks only while it can change something on screen. */
  private syncTicker(): void {
    const shouldTick = this.isConnected && this.running && this.startedAt > 0;
    // Every 250 ms keeps the display within a quarter of a second of the true value; a sped-up
    // simulation ticks faster so that it still shows (nearly) every second.
    const tickMs = shouldTick ? Math.max(50, Math.round(250 / (positive(this.speed) || 1))) : 0;
    if (tickMs === this.tickMs) return;
    clearInterval(this.ticker);
    this.ticker = tickMs ? setInterval(() => this.requestUpdate(), tickMs) : undefined;
    this.tickMs = tickMs;
  }
}

/** m:ss, or h:mm:ss from one hour on. */
function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The locale if Intl knows it; an invalid tag would make Intl throw, so use the browser's then. */
function validLocale(locale: string): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.NumberFormat.supportedLocalesOf(locale).length > 0 ? locale : undefined;
  } catch {
    return undefined;
  }
}

/** The number if it is finite and positive, else 0 (attributes may be missing or garbage). */
function positive(n: number | null | undefined): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'mobayilo-call-timer': MobayiloCallTimer;
  }
}
