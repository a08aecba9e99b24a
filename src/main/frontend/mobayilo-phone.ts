import { LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SandboxDevice, type PhoneCall, type PhoneDevice } from './sandbox-device';

// No `import ... from '@twilio/voice-sdk'` at the top, not even `import type`: Vaadin reads this file's leading import
// block and would load the SDK up front with the dialer's chunk (docs/decisions/0029-page-weight-budget.md).
type TwilioSdk = typeof import('@twilio/voice-sdk');
type Device = InstanceType<TwilioSdk['Device']>;

let twilioSdk: Promise<TwilioSdk> | undefined;

/**
 * Twilio's Voice SDK (44 KiB compressed) is not part of the dialer's first load: it is fetched once the page is
 * usable, and awaited by whatever needs it first (docs/decisions/0029-page-weight-budget.md). A failed fetch (e.g.
 * offline) is tried again on the next use.
 */
function loadTwilio(): Promise<TwilioSdk> {
  twilioSdk ??= import('@twilio/voice-sdk').catch((e: unknown) => {
    twilioSdk = undefined;
    throw e;
  });
  return twilioSdk;
}

/** Resolves once the page has loaded and the browser is idle (at the latest 2 s later), so that a prefetch never delays the page. */
function whenPageIsIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 2000 });
      else setTimeout(resolve, 200); // Safari
    };
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/** Values of `state` in `phone-state` events. */
export type PhoneState = 'connecting' | 'ringing' | 'connected-to-network' | 'disconnected' | 'error';

export interface PhoneStateDetail {
  state: PhoneState;
  callSid?: string;
  code?: number;
  message?: string;
}

/** One call() from start to end. Events of a call that is no longer the current attempt are dropped. */
interface Attempt {
  call?: PhoneCall;
  callSid?: string;
  /** `disconnected` was dispatched (or the microphone check failed): no longer active. */
  ended: boolean;
}

const DIGITS = /^[0-9*#]+$/;

/**
 * The browser side of the phone: wraps the Twilio Voice SDK (mode "twilio") or the simulated carrier
 * (mode "sandbox") behind a few methods the Java view calls, and reports back with events:
 *
 * - `phone-state` {state, callSid?, code?, message?}: connecting → ringing / connected-to-network → disconnected.
 *   Every call that dispatched `connecting` ends with exactly one `disconnected`, also after an `error`
 *   (hanging up while the browser still asks for the microphone gives a `disconnected` without `connecting`).
 *   `error` alone (no call in progress) means the device or a method call failed; some SDK errors
 *   during a call are not fatal (e.g. DTMF) and are not followed by `disconnected`.
 * - `phone-token-expiring`: fetch a new token and call updateToken().
 * - `phone-microphone` {problem: 'denied' | 'missing'}: the call was not placed.
 * - `phone-muted` {muted}.
 * - `phone-quality` {warning, cleared}: the SDK's `warning` / `warning-cleared` (high-rtt, low-mos, high-jitter,
 *   high-packet-loss, constant-audio-input-level, …) for the current call.
 * - `phone-reconnecting` / `phone-reconnected`: the media connection was lost and is being (was) restored.
 * - `phone-volume` {input, output} (0…1): the SDK's `volume`, for the level meter; nobody on the server
 *   listens to it, so it never leaves the browser.
 * - `phone-devices` {microphone: 'ok' | 'denied' | 'missing', inputs, outputs, outputSupported}: answer to devices().
 * - `phone-preflight` {microphone, quality?, mos?, rtt?, jitter?, edge?, failure?}: answer to checkConnection();
 *   `failure` is the SDK's error code ("0" when there is none).
 *
 * The last call is kept after it ends, so that rate() can send the caller's feedback to Twilio.
 *
 * It renders nothing. Outgoing calls only: the device is never registered for incoming calls.
 */
@customElement('mobayilo-phone')
export class MobayiloPhone extends LitElement {
  @property() mode: 'twilio' | 'sandbox' = 'twilio';

  /** Base URL of the simulated carrier, sandbox mode only. */
  @property({ attribute: 'carrier-url' }) carrierUrl = '';

  /** Sandbox mode only: place calls without asking for the microphone. */
  @property({ type: Boolean, attribute: 'skip-microphone' }) skipMicrophone = false;

  /** Twilio edges to try in order, comma-separated (e.g. "frankfurt,dublin"); empty: Twilio's default. */
  @property() edges = '';

  /** The call that ended last, for rate(). */
  private lastCall?: PhoneCall;

  private device?: PhoneDevice;
  /** Twilio mode: the token the device is (or will be) created with, while the SDK loads; undefined when stopped. */
  private token?: string;
  /** Twilio mode: the device being created once the SDK has loaded. */
  private starting?: Promise<PhoneDevice>;
  private attempt?: Attempt;
  /** Codes of device errors already reported for the current call: the SDK repeats them while it retries. */
  private readonly deviceErrors = new Set<number | undefined>();

  protected render(): typeof nothing {
    return nothing;
  }

  // No shadow root needed for nothing.
  protected createRenderRoot(): HTMLElement {
    return this;
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move in the DOM (detach and re-attach in the same task) must not hang up the call.
    queueMicrotask(() => {
      if (!this.isConnected) this.stop();
    });
  }

  /**
   * Creates the device; a previous one is destroyed (ending its call). The sandbox's is created at once; Twilio's
   * once its SDK has loaded, which starts when the page is idle (a call placed before waits for it).
   */
  start(token: string): void {
    try {
      this.stop();
      this.deviceErrors.clear();
      if (this.mode === 'sandbox') {
        this.adopt(new SandboxDevice(token, this.carrierUrl));
        return;
      }
      this.token = token;
      whenPageIsIdle().then(() => {
        if (this.token !== undefined && !this.device && !this.starting) this.startTwilio();
      });
    } catch (e) {
      this.fail(e);
    }
  }

  updateToken(token: string): void {
    try {
      if (this.device) this.device.updateToken(token);
      else if (this.token !== undefined) this.token = token; // the device is created with it
      else throw new Error('The phone is not started.');
    } catch (e) {
      this.fail(e);
    }
  }

  /** The device, waiting for Twilio's SDK if it is still loading (or loading it again after a failure). */
  private ready(): Promise<PhoneDevice> {
    if (this.device) return Promise.resolve(this.device);
    if (this.token === undefined) return Promise.reject(new Error('The phone is not started.'));
    return this.starting ?? this.startTwilio();
  }

  private startTwilio(): Promise<PhoneDevice> {
    const starting: Promise<PhoneDevice> = loadTwilio().then(({ Call, Device }) => {
      if (starting !== this.starting || this.token === undefined) throw new Error('The phone was stopped.');
      const device = new Device(this.token, {
        closeProtection: true,
        codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU],
        logLevel: 'warn',
        ...(this.edgeList().length ? { edge: this.edgeList() } : {}),
      });
      this.adopt(device);
      // Pickers chosen while the SDK was loading.
      if (this.inputId) void this.useMicrophone(this.inputId);
      if (this.outputId) void this.useSpeaker(this.outputId);
      return device;
    });
    this.starting = starting;
    // Whoever awaits reports a failure; the next use tries again.
    starting.catch(() => {
      if (starting === this.starting) this.starting = undefined;
    });
    return starting;
  }

  private adopt(device: PhoneDevice): void {
    device.on('tokenWillExpire', () => {
      if (device === this.device) this.fire('phone-token-expiring');
    });
    device.on('error', (e?: unknown) => {
      if (device === this.device) this.deviceError(e);
    });
    this.device = device;
  }

  /** Places a call to an E.164 number. Ignored while another call is in progress. */
  async call(to: string): Promise<void> {
    if (this.isBusy()) return;
    if (!this.device && this.token === undefined) {
      this.fail(new Error('The phone is not started.'));
      return;
    }
    const attempt: Attempt = { ended: false };
    this.attempt = attempt;
    const current = () => attempt === this.attempt && !attempt.ended;
    try {
      if (!(this.mode === 'sandbox' && this.skipMicrophone)) {
        const problem = await microphoneProblem();
        if (!current()) return; // hung up or stopped while the browser asked for the microphone
        if (problem) {
          attempt.ended = true;
          this.fire('phone-microphone', { problem });
          return;
        }
      }
      this.fireState({ state: 'connecting' });
      const device = await this.ready();
      if (!current()) return; // hung up while Twilio's SDK was loading
      const call = await device.connect({ params: { To: to } });
      if (!current()) {
        call.disconnect(); // hung up or stopped meanwhile: this call is nobody's
        return;
      }
      attempt.call = call;
      this.lastCall = call;
      this.wire(call, attempt);
    } catch (e) {
      if (!current()) {
        console.warn('Phone: a call that was hung up failed', e);
        return;
      }
      this.fail(e);
      this.end(attempt);
    }
  }

  /** Hangs up the current call, or cancels the one being placed. */
  hangup(): void {
    try {
      const attempt = this.attempt;
      if (!attempt || attempt.ended) return;
      const call = attempt.call;
      if (!call) {
        // Still asking for the microphone or waiting for connect(), which may take long (e.g. offline):
        // end now; call() drops the call if one still comes.
        this.end(attempt);
        return;
      }
      call.disconnect();
      // Twilio closes synchronously and has then told us already; this only catches a silent close.
      if (call.status() === 'closed') this.end(attempt);
    } catch (e) {
      this.fail(e);
    }
  }

  mute(muted: boolean): void {
    try {
      const call = this.activeCall();
      if (!call) return;
      call.mute(Boolean(muted));
      this.fire('phone-muted', { muted: Boolean(muted) });
    } catch (e) {
      this.fail(e);
    }
  }

  /** Sends DTMF tones, e.g. for a voicemail menu. */
  digits(d: string): void {
    try {
      const call = this.activeCall();
      if (!call || !DIGITS.test(d)) return;
      call.sendDigits(d);
    } catch (e) {
      this.fail(e);
    }
  }

  /**
   * The caller's rating of the call that ended last, for Twilio's Voice Insights. Twilio takes one issue per
   * call; the server stores all of them. The sandbox records it only.
   */
  async rate(score: number, issue: string): Promise<void> {
    const call = this.lastCall;
    if (!call?.postFeedback || !(score >= 1 && score <= 5)) return;
    try {
      await call.postFeedback(score, FEEDBACK_ISSUES[issue]);
    } catch (e) {
      console.warn('Phone: sending the rating to Twilio failed', e);
    }
  }

  /**
   * Lists microphones and speakers for the pickers. Asks for the microphone (device labels are hidden until
   * the person allowed it), then releases it at once.
   */
  async devices(): Promise<void> {
    const outputSupported = outputSelectable(this.device);
    const microphone = await microphoneProblem().catch(() => 'missing' as const);
    const media = navigator.mediaDevices;
    const all = microphone || !media?.enumerateDevices ? [] : await media.enumerateDevices().catch(() => []);
    const listed = (kind: MediaDeviceKind) =>
      all.filter((d) => d.kind === kind).map((d, i) => ({ id: d.deviceId, label: d.label || `${kind} ${i + 1}` }));
    this.fire('phone-devices', {
      microphone: microphone ?? 'ok',
      inputs: listed('audioinput'),
      outputs: outputSupported ? listed('audiooutput') : [],
      outputSupported,
    });
  }

  /** Uses this microphone for the current and next calls. */
  async useMicrophone(id: string): Promise<void> {
    this.inputId = id;
    try {
      const audio = (this.device as Device | undefined)?.audio;
      if (audio && id) await audio.setInputDevice(id);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Plays the call on this speaker, where the browser can choose one (not on Android Chrome or iOS Safari). */
  async useSpeaker(id: string): Promise<void> {
    this.outputId = id;
    try {
      const audio = (this.device as Device | undefined)?.audio;
      if (audio?.isOutputSelectionSupported && id) await audio.speakerDevices.set(id);
    } catch (e) {
      this.fail(e);
    }
  }

  /** The chosen microphone, for the level meter. */
  inputId = '';

  outputId = '';

  /**
   * "Test my connection": Twilio's PreflightTest (a short test call to Twilio's echo) against the first edge,
   * or a simulated one in the sandbox. Answers with `phone-preflight`.
   */
  async checkConnection(token: string): Promise<void> {
    const microphone = await microphoneProblem().catch(() => 'missing' as const);
    if (microphone) {
      this.fire('phone-preflight', { microphone });
      return;
    }
    if (this.mode === 'sandbox') {
      this.fire('phone-preflight', await sandboxPreflight(this.carrierUrl, this.edgeList()[0] ?? 'roaming'));
      return;
    }
    try {
      const edge = this.edgeList()[0];
      const { Device } = await loadTwilio();
      const test = Device.runPreflight(token, edge ? { edge } : {});
      test.on('completed', (report: PreflightReport) => {
        this.fire('phone-preflight', {
          microphone: 'ok',
          quality: report.callQuality,
          mos: round(report.stats?.mos?.average, 1),
          rtt: round(report.stats?.rtt?.average, 0),
          jitter: round(report.stats?.jitter?.average, 0),
          edge: report.edge ?? report.selectedEdge ?? edge,
        });
      });
      test.on('failed', (e: unknown) => this.preflightFailed(e));
    } catch (e) {
      this.preflightFailed(e);
    }
  }

  /** The page shows the failure in the reader's language, with the SDK's code; the SDK's English message goes to the log. */
  private preflightFailed(e: unknown): void {
    console.warn('Phone: the connection test failed', e);
    this.fire('phone-preflight', { microphone: 'ok', failure: String(errorFields(e).code ?? 0) });
  }

  private edgeList(): string[] {
    return this.edges
      .split(',')
      .map((edge) => edge.trim())
      .filter(Boolean);
  }

  /** Destroys the device, which ends any call. */
  stop(): void {
    const attempt = this.attempt;
    const device = this.device;
    this.device = undefined;
    this.token = undefined;
    this.starting = undefined;
    try {
      device?.destroy();
    } catch (e) {
      console.warn('Phone: destroying the device failed', e);
    }
    // Events of the destroyed device are dropped from now on, so end the call here.
    if (attempt && !attempt.ended) this.end(attempt);
    this.attempt = undefined;
  }

  /**
   * A device error (e.g. Twilio unreachable, token refused) is reported once per code and call.
   * While a call is being placed it ends the attempt, so that the user is not left waiting on a
   * connect() that may never finish.
   */
  private deviceError(e: unknown): void {
    const fields = errorFields(e);
    if (this.deviceErrors.has(fields.code)) return;
    this.deviceErrors.add(fields.code);
    const attempt = this.attempt;
    this.fireState({ state: 'error', callSid: attempt?.callSid, ...fields });
    if (attempt && !attempt.ended && !attempt.call) this.end(attempt);
  }

  private activeCall(): PhoneCall | undefined {
    const attempt = this.attempt;
    return attempt && !attempt.ended ? attempt.call : undefined;
  }

  /** A call is being placed or is in progress. */
  private isBusy(): boolean {
    const attempt = this.attempt;
    if (!attempt || attempt.ended) return false;
    // Self-healing: should the SDK have closed a call without telling us, end it now.
    if (attempt.call?.status() === 'closed') {
      this.end(attempt);
      return false;
    }
    return true;
  }

  private wire(call: PhoneCall, attempt: Attempt): void {
    const current = () => attempt === this.attempt && !attempt.ended;
    const noteSid = () => {
      attempt.callSid = call.parameters?.CallSid || attempt.callSid;
    };
    call.on('ringing', () => {
      if (!current()) return;
      noteSid();
      this.fireState({ state: 'ringing', callSid: attempt.callSid });
    });
    // The call reached the network (Twilio or the simulated carrier); the callee may still be ringing.
    call.on('accept', () => {
      if (!current()) return;
      noteSid();
      this.fireState({ state: 'connected-to-network', callSid: attempt.callSid });
    });
    const ended = () => {
      if (!current()) return;
      noteSid();
      this.end(attempt);
    };
    call.on('warning', (name: string) => {
      if (current()) this.fire('phone-quality', { warning: String(name), cleared: false });
    });
    call.on('warning-cleared', (name: string) => {
      if (current()) this.fire('phone-quality', { warning: String(name), cleared: true });
    });
    call.on('reconnecting', () => {
      if (current()) this.fire('phone-reconnecting');
    });
    call.on('reconnected', () => {
      if (current()) this.fire('phone-reconnected');
    });
    // Never sent to the server: only the level meter in this page listens.
    call.on('volume', (input: number, output: number) => {
      if (current()) this.fire('phone-volume', { input, output });
    });
    call.on('disconnect', ended);
    call.on('cancel', ended);
    call.on('reject', ended);
    call.on('error', (e?: unknown) => {
      // An error may come just after `disconnect`: still report it, unless a newer call started.
      if (attempt !== this.attempt) return;
      noteSid();
      this.fireState({ state: 'error', callSid: attempt.callSid, ...errorFields(e) });
      // Some SDK errors are not fatal (e.g. a failed DTMF); the fatal ones close the call.
      if (!attempt.ended && call.status() === 'closed') this.end(attempt);
    });
  }

  /** Ends an attempt once, with `disconnected`. */
  private end(attempt: Attempt): void {
    if (attempt.ended) return;
    attempt.ended = true;
    this.fireState({ state: 'disconnected', callSid: attempt.callSid });
  }

  private fail(e: unknown): void {
    console.warn('Phone:', e);
    this.fireState({ state: 'error', callSid: this.attempt?.callSid, ...errorFields(e) });
  }

  private fireState(detail: PhoneStateDetail): void {
    // A call making progress resets the de-duplication (not `disconnected`: the SDK may go on retrying).
    if (detail.state !== 'error' && detail.state !== 'disconnected') this.deviceErrors.clear();
    // Leave out unknown fields rather than sending nulls to the server.
    const clean = Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined && v !== ''));
    this.fire('phone-state', clean);
  }

  private fire(name: string, detail?: object): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

/** Our issue names (stored with the rating) as Twilio's feedback issues; "other" has none. */
const FEEDBACK_ISSUES: Record<string, string | undefined> = {
  'choppy-audio': 'choppy-audio',
  echo: 'echo',
  'dropped-call': 'dropped-call',
  'could-not-hear': 'one-way-audio',
  delay: 'audio-latency',
  other: undefined,
};

/** The part of PreflightTest.Report that is shown. */
interface PreflightReport {
  callQuality?: string;
  edge?: string;
  selectedEdge?: string;
  stats?: { mos?: { average: number }; rtt?: { average: number }; jitter?: { average: number } };
}

function round(value: number | undefined, digits: number): number | undefined {
  return value === undefined || !Number.isFinite(value) ? undefined : Number(value.toFixed(digits));
}

/** Whether the browser can play the call on a chosen speaker (setSinkId; not on Android Chrome or iOS Safari). */
function outputSelectable(device?: PhoneDevice): boolean {
  const audio = (device as Device | undefined)?.audio;
  if (audio) return Boolean(audio.isOutputSelectionSupported);
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

/**
 * The sandbox's "Test my connection": no test call exists, so it times five requests to the simulated carrier
 * and reports their round trip as the network's, with the MOS a call would have at that delay (no loss, little
 * jitter). Quality names follow Twilio's PreflightTest.CallQuality.
 */
async function sandboxPreflight(carrierUrl: string, edge: string): Promise<object> {
  const ping = () => fetch(`${carrierUrl.replace(/\/+$/, '')}/ping`, { method: 'POST', cache: 'no-store' });
  const times: number[] = [];
  try {
    await ping(); // opens the connection, which is not what a call's packets pay
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await ping();
      times.push(performance.now() - started);
    }
  } catch {
    return { microphone: 'ok', failure: '0' };
  }
  const rtt = Math.round(times.reduce((a, b) => a + b, 0) / times.length);
  // Jitter as RTP measures it: the mean difference between consecutive delays.
  const jitter = Math.round(times.slice(1).reduce((sum, t, i) => sum + Math.abs(t - times[i]), 0) / (times.length - 1));
  // The E-model's shape, simplified: a clean line is about 4.4 and degrades with delay beyond 160 ms and with jitter.
  const mos = Number(Math.max(1, 4.4 - Math.max(0, rtt - 160) / 100 - jitter / 100).toFixed(1));
  const quality = mos > 4.2 ? 'excellent' : mos >= 4.1 ? 'great' : mos >= 3.7 ? 'good' : mos >= 3.1 ? 'fair' : 'degraded';
  return { microphone: 'ok', quality, mos, rtt, jitter, edge };
}

/** `code` and `message` of an SDK error (TwilioError), a SandboxError or anything else thrown. */
function errorFields(e: unknown): { code?: number; message?: string } {
  if (e && typeof e === 'object') {
    const { code, message } = e as { code?: unknown; message?: unknown };
    return {
      code: typeof code === 'number' ? code : undefined,
      message: typeof message === 'string' ? message : undefined,
    };
  }
  return { message: e === undefined ? undefined : String(e) };
}

/**
 * Asks for the microphone once, before dialing, so that a refusal or a missing device is reported
 * clearly instead of as an SDK error mid-call. The tracks are released at once.
 */
async function microphoneProblem(): Promise<'denied' | 'missing' | undefined> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) return 'missing'; // also: page not served over HTTPS
  try {
    const stream = await media.getUserMedia({ audio: true });
    stream.getTracks().forEach((track) => track.stop());
    return undefined;
  } catch (e) {
    const name = e instanceof DOMException || e instanceof Error ? e.name : '';
    if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
    if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
    throw e; // e.g. NotReadableError (microphone busy): reported as an error by call()
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobayilo-phone': MobayiloPhone;
  }
}
