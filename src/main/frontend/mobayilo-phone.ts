import { LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Call, Device } from '@twilio/voice-sdk';
import { SandboxDevice, type PhoneCall, type PhoneDevice } from './sandbox-device';

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

  private device?: PhoneDevice;
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

  /** Creates the device; a previous one is destroyed (ending its call). */
  start(token: string): void {
    try {
      this.stop();
      this.deviceErrors.clear();
      const device: PhoneDevice =
        this.mode === 'sandbox'
          ? new SandboxDevice(token, this.carrierUrl)
          : new Device(token, {
              closeProtection: true,
              codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU],
              logLevel: 'warn',
            });
      device.on('tokenWillExpire', () => {
        if (device === this.device) this.fire('phone-token-expiring');
      });
      device.on('error', (e?: unknown) => {
        if (device === this.device) this.deviceError(e);
      });
      this.device = device;
    } catch (e) {
      this.fail(e);
    }
  }

  updateToken(token: string): void {
    try {
      if (!this.device) throw new Error('The phone is not started.');
      this.device.updateToken(token);
    } catch (e) {
      this.fail(e);
    }
  }

  /** Places a call to an E.164 number. Ignored while another call is in progress. */
  async call(to: string): Promise<void> {
    if (this.isBusy()) return;
    const device = this.device;
    if (!device) {
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
      const call = await device.connect({ params: { To: to } });
      if (!current()) {
        call.disconnect(); // hung up or stopped meanwhile: this call is nobody's
        return;
      }
      attempt.call = call;
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

  /** Destroys the device, which ends any call. */
  stop(): void {
    const attempt = this.attempt;
    const device = this.device;
    this.device = undefined;
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
