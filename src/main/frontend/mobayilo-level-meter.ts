import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * A microphone level bar. While `active`, it shows the level of the microphone `device-id` (opened with
 * getUserMedia and read through an AnalyserNode), or, during a call, the call's own input volume from the
 * phone's `phone-volume` events, which then take over so that the microphone is not opened twice.
 * The microphone is released as soon as it is no longer active.
 */
@customElement('mobayilo-level-meter')
export class MobayiloLevelMeter extends LitElement {
  static styles = css`
    :host { display: block; margin: var(--lumo-space-xs) 0; }
    .track { height: 0.5rem; border-radius: 0.25rem; background: var(--lumo-contrast-10pct); overflow: hidden; }
    .bar { height: 100%; background: var(--lumo-success-color); transition: width 80ms linear; }
    .label { font-size: var(--lumo-font-size-s); color: var(--lumo-secondary-text-color); }
  `;

  @property() label = '';

  @property({ attribute: 'device-id' }) deviceId = '';

  @property({ type: Boolean }) active = false;

  /** 0…1 */
  @state() private level = 0;

  private stream?: MediaStream;
  private context?: AudioContext;
  private frame?: number;
  private lastCallVolume = 0;
  private readonly onVolume = (e: Event) => {
    const input = (e as CustomEvent<{ input?: number }>).detail?.input;
    if (typeof input !== 'number') return;
    this.lastCallVolume = performance.now();
    this.level = Math.min(1, Math.max(0, input));
  };

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('phone-volume', this.onVolume);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('phone-volume', this.onVolume);
    this.release();
  }

  protected updated(changed: Map<string, unknown>): void {
    if (changed.has('active') || changed.has('deviceId')) {
      this.release();
      if (this.active) void this.open();
    }
  }

  protected render() {
    const percent = Math.round(this.level * 100);
    return html`<div class="label" id="label">${this.label}</div>
      <div class="track" role="meter" aria-labelledby="label" aria-valuemin="0" aria-valuemax="100" aria-valuenow=${percent}>
        <div class="bar" style="width: ${percent}%"></div>
      </div>`;
  }

  private async open(): Promise<void> {
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) return;
    try {
      const stream = await media.getUserMedia({ audio: this.deviceId ? { deviceId: { exact: this.deviceId } } : true });
      if (!this.active || !this.isConnected) {
        stream.getTracks().forEach((t) => t.stop());
        return;
      }
      this.stream = stream;
      const context = new AudioContext();
      this.context = context;
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const tick = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const s of samples) sum += s * s;
        // The call's own volume wins while it comes in.
        if (performance.now() - this.lastCallVolume > 500) this.level = Math.min(1, Math.sqrt(sum / samples.length) * 4);
        this.frame = requestAnimationFrame(tick);
      };
      tick();
    } catch (e) {
      // A blocked or missing microphone is explained by the pickers; the bar stays empty.
      console.warn('Level meter:', e);
    }
  }

  private release(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = undefined;
    void this.context?.close().catch(() => undefined);
    this.context = undefined;
    this.level = 0;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobayilo-level-meter': MobayiloLevelMeter;
  }
}
