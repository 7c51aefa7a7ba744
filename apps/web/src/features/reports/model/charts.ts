/** Chart geometry for the reports' small inline SVG charts: pure, so it is tested without a DOM. */

export interface ChartBox {
  width: number;
  height: number;
  /** Room left for axis labels inside the box. */
  padding: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A "nice" top of the y axis: the max rounded up to 1, 2 or 5 × a power of ten (never 0). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= max) return step * power;
  }
  return 10 * power;
}

/** Points of a line over evenly spaced values, scaled into the box (y grows downwards in SVG). */
export function linePoints(values: readonly number[], box: ChartBox): Point[] {
  if (values.length === 0) return [];
  const top = niceMax(Math.max(...values));
  const inner = { w: box.width - 2 * box.padding, h: box.height - 2 * box.padding };
  const step = values.length > 1 ? inner.w / (values.length - 1) : 0;
  return values.map((value, i) => ({
    x: round(box.padding + (values.length > 1 ? i * step : inner.w / 2)),
    y: round(box.padding + inner.h - (value / top) * inner.h),
  }));
}

/** An SVG path through the points (`M x y L x y …`), empty without points. */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
}

/** Vertical bars for the values, side by side with a small gap, scaled to the nice max. */
export function bars(values: readonly number[], box: ChartBox): Bar[] {
  if (values.length === 0) return [];
  const top = niceMax(Math.max(...values));
  const innerW = box.width - 2 * box.padding;
  const innerH = box.height - 2 * box.padding;
  const slot = innerW / values.length;
  const gap = Math.min(2, slot * 0.2);
  return values.map((value, i) => {
    const height = round((value / top) * innerH);
    return {
      x: round(box.padding + i * slot + gap / 2),
      y: round(box.padding + innerH - height),
      width: round(Math.max(0.5, slot - gap)),
      height,
      value,
    };
  });
}

/** A 0…1 rate as a whole percentage ("75 %" is the view's business; this is 75). */
export function percent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 100);
}

/** A duration as h:mm:ss (or m:ss under an hour). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
