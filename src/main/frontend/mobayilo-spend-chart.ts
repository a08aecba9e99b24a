import { LitElement, html, css, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** One bar: the day as the reader writes it, and what was spent in US cents. */
interface Day {
  label: string;
  cents: number;
}

/**
 * Spend per day as a bar chart (Chart.js). The server sets `days` and the translated `summary`; the canvas is
 * hidden from screen readers, which read the summary (all the figures) instead.
 */
@customElement('mobayilo-spend-chart')
export class MobayiloSpendChart extends LitElement {
  static styles = css`
    :host {
      display: block;
      position: relative;
      height: 240px;
    }
    canvas {
      width: 100% !important;
      height: 100% !important;
    }
  `;

  @property({ type: Array }) days: Day[] = [];

  /** BCP 47 locale for the amounts on the axis and tooltips. */
  @property() locale = '';

  /** The whole chart in words, for screen readers. */
  @property() summary = '';

  @query('canvas') private canvas!: HTMLCanvasElement;

  private chart?: Chart;

  protected render() {
    return html`<canvas role="img" aria-label=${this.summary}></canvas>`;
  }

  protected updated(changed: PropertyValues<this>): void {
    if (changed.has('days') || changed.has('locale')) this.draw();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  /**
   * A Lumo colour as the canvas can use it. Lumo's custom properties hold expressions such as color-mix() or
   * other var() references, which a canvas does not understand (it drew them black), so the browser resolves
   * them on a probe element first.
   */
  private colour(property: string, fallback: string): string {
    const probe = document.createElement('span');
    probe.style.color = fallback;
    probe.style.color = `var(${property}, ${fallback})`;
    this.renderRoot.appendChild(probe);
    const resolved = getComputedStyle(probe).color;
    probe.remove();
    return resolved || fallback;
  }

  private draw(): void {
    const money = new Intl.NumberFormat(this.locale || undefined, { style: 'currency', currency: 'USD' });
    const bar = this.colour('--lumo-primary-color', '#1676f3');
    const grid = this.colour('--lumo-contrast-10pct', 'rgba(0, 0, 0, 0.1)');
    const text = this.colour('--lumo-secondary-text-color', '#555');
    this.chart?.destroy();
    this.chart = new Chart(this.canvas, {
      type: 'bar',
      data: {
        labels: this.days.map((day) => day.label),
        datasets: [{ data: this.days.map((day) => day.cents / 100), backgroundColor: bar, borderRadius: 4, maxBarThickness: 48 }],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => money.format(item.parsed.y ?? 0) } },
        },
        scales: {
          x: { grid: { display: false }, ticks: { color: text } },
          y: { beginAtZero: true, grid: { color: grid }, ticks: { color: text, callback: (value) => money.format(Number(value)) } },
        },
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mobayilo-spend-chart': MobayiloSpendChart;
  }
}
