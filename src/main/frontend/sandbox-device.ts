/**
 * A stand-in for the Twilio Voice SDK's Device and Call, used in sandbox mode.
 *
 * It implements only the part of the SDK that <mobayilo-phone> uses, and talks to
 * the simulated carrier over HTTP instead of WebRTC:
 *
 *   POST   {carrierUrl}/calls                  body {"to": "+243…"}, answer: an SSE stream for the whole call
 *   DELETE {carrierUrl}/calls/{callSid}        hang up
 *   POST   {carrierUrl}/calls/{callSid}/digits body {"digits": "5"}
 *
 * No audio is involved: mute only records the flag.
 */

/** The SDK's EventEmitter takes listeners of any arity and argument types. */
export type Listener = (...args: any[]) => void;

/** The part of the SDK's Call that <mobayilo-phone> uses; Twilio's Call and SandboxCall both fit. */
export interface PhoneCall {
  parameters: Record<string, string>;
  on(event: string, listener: Listener): unknown;
  disconnect(): void;
  mute(shouldMute?: boolean): void;
  isMuted(): boolean;
  sendDigits(digits: string): void;
  status(): string;
  /** Twilio's call quality feedback (Voice Insights); the sandbox only records it. */
  postFeedback?(score?: number, issue?: string): Promise<void>;
}

/** The part of the SDK's Device that <mobayilo-phone> uses; Twilio's Device and SandboxDevice both fit. */
export interface PhoneDevice {
  on(event: string, listener: Listener): unknown;
  updateToken(token: string): void;
  connect(options: { params: Record<string, string> }): Promise<PhoneCall>;
  destroy(): void;
}

/** Same shape as the SDK's TwilioError as far as we read it: a code and a message. */
export class SandboxError extends Error {
  constructor(message: string, readonly code?: number) {
    super(message);
    this.name = 'SandboxError';
  }
}

/** A minimal event emitter; a throwing listener must not break the others or the caller. */
class Emitter {
  private readonly listeners = new Map<string, Set<Listener>>();

  on(event: string, listener: Listener): this {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  protected emit(event: string, ...args: unknown[]): void {
    // Copy, so that listeners may call off() while we iterate.
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(...args);
      } catch (e) {
        console.warn(`Sandbox phone: a '${event}' listener failed`, e);
      }
    }
  }
}

/** Statuses as in the SDK's Call.State (the subset the sandbox goes through). */
type CallStatus = 'connecting' | 'ringing' | 'open' | 'closed';

/** How long to wait for the carrier to confirm a hang-up before closing the stream ourselves. */
const HANGUP_GRACE_MS = 5000;

/** The longest delay setTimeout accepts; longer ones fire at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * One outgoing sandbox call. Emits, like the SDK's Call: `accept` (the carrier took the call,
 * parameters.CallSid is set), `ringing`, `disconnect`, `error` (a SandboxError), `mute`, and the quality
 * events the carrier simulates on its test numbers: `warning` (name, data), `warning-cleared` (name),
 * `reconnecting` (a SandboxError 53405), `reconnected`. A call the carrier drops for the network ends with
 * `error` (a SandboxError with the SDK's code, e.g. 31005). Exactly one of `disconnect` or `error` ends it.
 */
export class SandboxCall extends Emitter implements PhoneCall {
  /** As in the SDK: CallSid is set once the carrier accepted the call. */
  readonly parameters: Record<string, string> = {};

  private state: CallStatus = 'connecting';
  private muted = false;
  private hangupRequested = false;
  private readonly abort = new AbortController();
  private graceTimer?: ReturnType<typeof setTimeout>;
  /** Digits are sent one request after the other, so that they arrive in order. */
  private digitQueue: Promise<unknown> = Promise.resolve();

  /** SSE parsing state. */
  private buffer = '';
  private eventName = '';
  private dataLines: string[] = [];

  constructor(
    private readonly carrierUrl: string,
    private readonly token: () => string,
    to: string,
    private readonly onClosed: (call: SandboxCall) => void,
  ) {
    super();
    // Start on a later task, so that the caller can add its listeners before anything is emitted.
    setTimeout(() => void this.run(to), 0);
  }

  status(): string {
    return this.state;
  }

  isMuted(): boolean {
    return this.muted;
  }

  mute(shouldMute = true): void {
    const changed = this.muted !== shouldMute;
    this.muted = shouldMute;
    if (changed) this.emit('mute', shouldMute, this);
  }

  /** Hangs up. The carrier confirms with a `disconnected` event, which ends the stream. */
  disconnect(): void {
    if (this.state === 'closed' || this.hangupRequested) return;
    this.hangupRequested = true;
    // Before `accepted` we have no CallSid to hang up: the DELETE goes out as soon as it arrives.
    if (this.parameters.CallSid) this.sendHangup();
    // Should the carrier never confirm, close the stream ourselves (closing it also tells the carrier).
    this.graceTimer = setTimeout(() => this.close('disconnect'), HANGUP_GRACE_MS);
  }

  /** What the caller thought of the call; the server stores it, so the sandbox keeps it for tests only. */
  postFeedback(score?: number, issue?: string): Promise<void> {
    this.feedback = { score, issue };
    return Promise.resolve();
  }

  /** The last postFeedback(), for tests. */
  feedback?: { score?: number; issue?: string };

  sendDigits(digits: string): void {
    const callSid = this.parameters.CallSid;
    if (this.state === 'closed' || !callSid) return;
    this.digitQueue = this.digitQueue
      .then(() =>
        fetch(`${this.carrierUrl}/calls/${encodeURIComponent(callSid)}/digits`, {
          method: 'POST',
          headers: this.headers(true),
          body: JSON.stringify({ digits }),
        }),
      )
      .catch((e) => console.warn('Sandbox phone: sending digits failed', e));
  }

  /** Ends the call at once, e.g. when the device is destroyed: hang up if we can, close the stream. */
  terminate(): void {
    if (this.state === 'closed') return;
    if (this.parameters.CallSid && !this.hangupRequested) {
      this.hangupRequested = true;
      this.sendHangup();
    }
    this.close('disconnect');
  }

  private headers(json: boolean): HeadersInit {
    const headers: Record<string, string> = { Authorization: `Bearer ${this.token()}` };
    if (json) headers['Content-Type'] = 'application/json';
    return headers;
  }

  private sendHangup(): void {
    const callSid = this.parameters.CallSid;
    // No `keepalive`: browsers refuse it for requests that need a CORS preflight (the carrier is on
    // another port). If the page goes away, the closed stream tells the carrier instead.
    fetch(`${this.carrierUrl}/calls/${encodeURIComponent(callSid)}`, {
      method: 'DELETE',
      headers: this.headers(false),
    }).catch((e) => {
      console.warn('Sandbox phone: hanging up failed', e);
      this.close('disconnect');
    });
  }

  private async run(to: string): Promise<void> {
    if (this.state === 'closed') return;
    if (this.hangupRequested) {
      // Hung up before the request even went out.
      this.close('disconnect');
      return;
    }
    let response: Response;
    try {
      response = await fetch(`${this.carrierUrl}/calls`, {
        method: 'POST',
        headers: { ...this.headers(true), Accept: 'text/event-stream' },
        body: JSON.stringify({ to }),
        signal: this.abort.signal,
      });
    } catch (e) {
      this.fail(e);
      return;
    }
    if (response.status !== 200 || !response.body) {
      this.close('error', await problemOf(response));
      return;
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.feed(decoder.decode(value, { stream: true }));
        if (this.status() === 'closed') {
          await reader.cancel().catch(() => undefined);
          return;
        }
      }
      // A last frame without its closing blank line still counts.
      this.feed(decoder.decode() + '\n\n');
    } catch (e) {
      this.fail(e);
      return;
    }
    // The stream ended without `disconnected`.
    this.close('disconnect');
  }

  /** A network failure is an error, unless we closed the stream ourselves. */
  private fail(e: unknown): void {
    if (this.state === 'closed' || this.abort.signal.aborted) {
      this.close('disconnect');
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    this.close('error', new SandboxError(`The simulated carrier cannot be reached: ${message}`));
  }

  /** Feeds decoded text to the SSE parser (lines end with CRLF, LF or CR; a blank line ends a frame). */
  private feed(text: string): void {
    let pending = this.buffer + text;
    // A CR at the very end may be the first half of a CRLF: wait for the next chunk.
    let carry = '';
    if (pending.endsWith('\r')) {
      carry = '\r';
      pending = pending.slice(0, -1);
    }
    const lines = pending.split(/\r\n|\r|\n/);
    this.buffer = (lines.pop() ?? '') + carry;
    for (const line of lines) {
      if (this.state === 'closed') return;
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      const name = this.eventName;
      const data = this.dataLines.join('\n');
      this.eventName = '';
      this.dataLines = [];
      if (name || data) this.frame(name || 'message', data);
      return;
    }
    if (line.startsWith(':')) return; // comment, e.g. a keep-alive
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventName = value;
    else if (field === 'data') this.dataLines.push(value);
    // `id` and `retry` do not matter here.
  }

  private frame(name: string, data: string): void {
    switch (name) {
      case 'accepted': {
        const callSid = parseJson(data)?.callSid;
        if (typeof callSid === 'string' && callSid) this.parameters.CallSid = callSid;
        if (this.hangupRequested && this.parameters.CallSid) this.sendHangup();
        this.emit('accept', this);
        break;
      }
      case 'ringing':
        this.state = 'ringing';
        this.emit('ringing', false); // the SDK passes hasEarlyMedia
        break;
      case 'answered':
        this.state = 'open';
        break;
      case 'warning':
        this.emit('warning', String(parseJson(data)?.name ?? ''), { name: parseJson(data)?.name });
        break;
      case 'warning-cleared':
        this.emit('warning-cleared', String(parseJson(data)?.name ?? ''));
        break;
      case 'reconnecting':
        this.emit('reconnecting', new SandboxError('Media connection failed: reconnecting.', 53405));
        break;
      case 'reconnected':
        this.emit('reconnected');
        break;
      case 'disconnected': {
        // data.reason (completed, busy, no-answer, …) is known to the server side already; a network drop
        // carries the SDK's error code, as Twilio's SDK reports it.
        const code = Number(parseJson(data)?.code);
        if (Number.isFinite(code) && code > 0) {
          this.close('error', new SandboxError('Connection error: the call dropped.', code));
        } else {
          this.close('disconnect');
        }
        break;
      }
      default:
      // Unknown events are ignored, so that the carrier may add some.
    }
  }

  /** Ends the call once: stops timers and the stream, then emits the final event. */
  private close(event: 'disconnect' | 'error', error?: SandboxError): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    clearTimeout(this.graceTimer);
    this.abort.abort();
    this.onClosed(this);
    if (event === 'error') this.emit('error', error);
    else this.emit('disconnect', this);
  }
}

/** Turns a non-200 answer into an error; RFC 9457 problem details carry a readable `detail`. */
async function problemOf(response: Response): Promise<SandboxError> {
  if (response.status === 200) return new SandboxError('The simulated carrier sent an empty answer.');
  const generic = `The simulated carrier refused the call (HTTP ${response.status}).`;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('application/problem+json')) {
    try {
      const body = (await response.json()) as { detail?: unknown; title?: unknown };
      const message = typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : generic;
      return new SandboxError(message, response.status);
    } catch {
      // Fall through to the generic message.
    }
  }
  return new SandboxError(generic, response.status);
}

function parseJson(data: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The `exp` claim of a JWT in epoch milliseconds, or undefined if the token cannot be read. */
function expiryOf(token: string): number | undefined {
  try {
    const payload = token.split('.')[1];
    if (!payload) return undefined;
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const exp = parseJson(new TextDecoder().decode(bytes))?.exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sandbox Device. Emits `tokenWillExpire` (with itself) 10 seconds before the token's `exp`,
 * like the SDK. Only one call at a time, like the SDK.
 */
export class SandboxDevice extends Emitter implements PhoneDevice {
  private token: string;
  private readonly carrierUrl: string;
  private expiryTimer?: ReturnType<typeof setTimeout>;
  private activeCall?: SandboxCall;
  private destroyed = false;

  constructor(token: string, carrierUrl: string) {
    super();
    if (!carrierUrl) throw new SandboxError('The simulated carrier URL is missing.');
    this.token = token;
    this.carrierUrl = carrierUrl.replace(/\/+$/, '');
    this.armExpiry();
  }

  updateToken(token: string): void {
    this.token = token;
    this.armExpiry();
  }

  connect(options: { params: Record<string, string> }): Promise<SandboxCall> {
    if (this.destroyed) return Promise.reject(new SandboxError('The phone has been stopped.'));
    if (this.activeCall) return Promise.reject(new SandboxError('A call is already active.'));
    const to = options.params.To ?? '';
    const call = new SandboxCall(this.carrierUrl, () => this.token, to, (closed) => {
      if (this.activeCall === closed) this.activeCall = undefined;
    });
    this.activeCall = call;
    return Promise.resolve(call);
  }

  /** Ends any call and stops the token timer; the device cannot be used afterwards. */
  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.expiryTimer);
    this.activeCall?.terminate();
  }

  private armExpiry(): void {
    clearTimeout(this.expiryTimer);
    this.expiryTimer = undefined;
    const expiry = expiryOf(this.token);
    if (expiry === undefined || this.destroyed) return; // unreadable token: never warn
    const delay = Math.max(0, expiry - 10_000 - Date.now());
    if (delay > MAX_TIMEOUT_MS) return; // valid for more than 24 days: no page lives that long
    this.expiryTimer = setTimeout(() => this.emit('tokenWillExpire', this), delay);
  }
}
