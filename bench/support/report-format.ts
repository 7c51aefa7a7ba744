import type { BurstResult, Percentiles } from './swarm-protocol';

/** Number formats shared by the tables and the interpretation. */
export const ms = (value: number | null) => (value === null ? 'never' : Math.round(value).toString());
export const mib = (value: number) => value.toFixed(1);
export const triple = (p: Percentiles | null) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.max)}` : '-');
export const rate = (count: number, wallMs: number | null) =>
  wallMs === null || wallMs <= 0 ? '-' : Math.round((count * 1000) / wallMs).toString();

export function problems(burst: BurstResult): string {
  const refused = Object.entries(burst.ackErrors).map(([code, n]) => `${n} ${code}`);
  if (burst.ackTimeouts > 0) refused.push(`${burst.ackTimeouts} ack timeouts`);
  return refused.length > 0 ? refused.join(', ') : 'none';
}

export function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a === null || a === undefined || b === null || b === undefined || a <= 0) return '?';
  return `${(b / a).toFixed(1)}×`;
}
