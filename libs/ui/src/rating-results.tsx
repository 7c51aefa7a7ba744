import type { RatingScale } from '@podium/contracts';
import { percent } from './results-math';
import { classNames, resultsLabels, type ResultsLabels } from './results-labels';

export const RATING_SCALE_MAX: Record<RatingScale, number> = { stars5: 5, ten: 10, slider100: 100 };

/** Mean and median read with one decimal at most ("4.3", "4"). */
export function formatRating(value: number | null): string {
  if (value === null) return '–';
  return String(Math.round(value * 10) / 10);
}

export interface RatingResultsProps {
  scale: RatingScale;
  answered: number;
  mean: number | null;
  median: number | null;
  distribution: readonly { label: string; count: number }[];
  labels?: Partial<ResultsLabels>;
  className?: string;
}

export function RatingResults({
  scale,
  answered,
  mean,
  median,
  distribution,
  labels,
  className,
}: RatingResultsProps) {
  const text = resultsLabels(labels);
  const max = RATING_SCALE_MAX[scale];
  const highest = Math.max(0, ...distribution.map((bucket) => bucket.count));
  return (
    <div className={classNames('pd-rating', className)}>
      <dl className="pd-rating__stats">
        <div className="pd-rating__stat pd-rating__stat--mean">
          <dt>{text.mean}</dt>
          <dd>
            <span className="pd-rating__value" data-testid="rating-mean">
              {formatRating(mean)}
            </span>{' '}
            <span className="pd-rating__max">{text.outOf(max)}</span>
          </dd>
        </div>
        <div className="pd-rating__stat">
          <dt>{text.median}</dt>
          <dd data-testid="rating-median">{formatRating(median)}</dd>
        </div>
      </dl>
      <p className="pd-rating__answered">{text.answers(answered)}</p>
      <ul className="pd-rating__distribution">
        {distribution.map((bucket) => {
          const share = percent(bucket.count, answered);
          return (
            <li
              key={bucket.label}
              className="pd-rating__bucket"
              data-testid="rating-bucket"
              data-count={bucket.count}
            >
              <span className="pd-sr-only">{`${bucket.label}: ${text.votes(bucket.count)}, ${share}%`}</span>
              <span className="pd-rating__track" aria-hidden="true">
                <span
                  className="pd-rating__fill"
                  style={{ height: `${highest > 0 ? ((bucket.count / highest) * 100).toFixed(1) : '0'}%` }}
                />
              </span>
              <span className="pd-rating__count" aria-hidden="true">
                {bucket.count}
              </span>
              <span className="pd-rating__label" aria-hidden="true">
                {bucket.label}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
