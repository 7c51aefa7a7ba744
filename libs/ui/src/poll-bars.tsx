import type { ChoiceDto } from '@podium/contracts';
import { choiceBars } from './results-math';
import { classNames, resultsLabels, type ResultsLabels } from './results-labels';

export interface PollBarsProps {
  choices: readonly ChoiceDto[];
  counts: Readonly<Record<string, number>>;
  answered: number;
  /** Quiz only: marks these choices as correct; null keeps it secret (and for polls). */
  correctChoiceIds?: readonly string[] | null;
  labels?: Partial<ResultsLabels>;
  className?: string;
}

/** Poll and quiz results: one bar per choice. The bars are drawn; the numbers are text. */
export function PollBars({
  choices,
  counts,
  answered,
  correctChoiceIds = null,
  labels,
  className,
}: PollBarsProps) {
  const text = resultsLabels(labels);
  const bars = choiceBars(choices, counts, answered, correctChoiceIds);
  return (
    <ul className={classNames('pd-bars', className)}>
      {bars.map((bar) => {
        const spoken = `${bar.label}: ${text.votes(bar.count)}, ${bar.percent}%${bar.correct ? `, ${text.correct}` : ''}`;
        return (
          <li
            key={bar.id}
            className={classNames(
              'pd-bar',
              bar.correct === true && 'pd-bar--correct',
              bar.correct === false && 'pd-bar--wrong',
            )}
            data-testid="result-choice"
            data-choice-id={bar.id}
            data-count={bar.count}
            data-correct={bar.correct === null ? undefined : String(bar.correct)}
          >
            <span className="pd-sr-only">{spoken}</span>
            <span className="pd-bar__head" aria-hidden="true">
              <span className="pd-bar__label">
                {bar.correct ? <span className="pd-bar__mark">✓ </span> : null}
                {bar.label}
              </span>
              <span className="pd-bar__value">
                {bar.count} · {bar.percent}%
              </span>
            </span>
            <span className="pd-bar__track" aria-hidden="true">
              <span className="pd-bar__fill" style={{ width: `${(bar.fill * 100).toFixed(1)}%` }} />
            </span>
          </li>
        );
      })}
    </ul>
  );
}
