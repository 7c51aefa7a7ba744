import { bars, type ChartBox, linePath, linePoints, niceMax } from '../model/charts';

const BOX: ChartBox = { width: 640, height: 180, padding: 24 };

/** A line of values over time, with the axis top labelled. Inline SVG: no chart library. */
export function LineChart({
  values,
  label,
  testId,
}: {
  values: readonly number[];
  label: string;
  testId: string;
}) {
  const points = linePoints(values, BOX);
  const top = niceMax(Math.max(0, ...values));
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <Axes top={top} />
      <path className="report-chart__line" d={linePath(points)} />
      {points.length === 1
        ? points.map((p) => <circle key="dot" className="report-chart__dot" cx={p.x} cy={p.y} r={3} />)
        : null}
    </svg>
  );
}

/** Vertical bars, one per value (minutes of chat), with the axis top labelled. */
export function BarChart({
  values,
  label,
  testId,
}: {
  values: readonly number[];
  label: string;
  testId: string;
}) {
  const top = niceMax(Math.max(0, ...values));
  return (
    <svg
      className="report-chart"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      <Axes top={top} />
      {bars(values, BOX).map((bar, i) => (
        <rect key={i} className="report-chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height}>
          <title>{bar.value}</title>
        </rect>
      ))}
    </svg>
  );
}

/** A horizontal 0–100 % meter (participation, correct rate); nothing for a null rate. */
export function RateBar({ rate, label }: { rate: number | null; label: string }) {
  if (rate === null) return null;
  const width = Math.max(0, Math.min(100, rate * 100));
  return (
    <svg className="report-rate" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label}>
      <rect className="report-rate__track" x={0} y={0} width={100} height={8} rx={2} />
      <rect className="report-rate__fill" x={0} y={0} width={width} height={8} rx={2} />
    </svg>
  );
}

function Axes({ top }: { top: number }) {
  const { width, height, padding } = BOX;
  return (
    <g className="report-chart__axes" aria-hidden="true">
      <line x1={padding} y1={height - padding} x2={width - padding} y2={height - padding} />
      <line x1={padding} y1={padding} x2={padding} y2={height - padding} />
      <text x={padding - 4} y={padding + 4} textAnchor="end">
        {top}
      </text>
      <text x={padding - 4} y={height - padding} textAnchor="end">
        0
      </text>
    </g>
  );
}
