import type { QaEntryDto } from '@podium/contracts';
import type { ReactNode } from 'react';
import { sortQaEntries } from './results-math';
import { classNames, resultsLabels, type ResultsLabels } from './results-labels';

export interface QaListProps {
  entries: readonly QaEntryDto[];
  /** Organizers see hidden entries (marked); everybody else never gets them. */
  showHidden?: boolean;
  /** Limits the list (overlays); all by default. */
  limit?: number;
  /** Moderation or upvote buttons, rendered at the end of each entry. */
  renderActions?: (entry: QaEntryDto) => ReactNode;
  labels?: Partial<ResultsLabels>;
  className?: string;
}

export function QaList({
  entries,
  showHidden = false,
  limit,
  renderActions,
  labels,
  className,
}: QaListProps) {
  const text = resultsLabels(labels);
  const sorted = sortQaEntries(entries, showHidden);
  const shown = limit === undefined ? sorted : sorted.slice(0, limit);
  if (shown.length === 0) {
    return <p className={classNames('pd-empty', className)}>{text.noQuestions}</p>;
  }
  return (
    <ul className={classNames('pd-qa', className)} aria-label={text.questions(sorted.length)}>
      {shown.map((entry) => (
        <li
          key={entry.id}
          className={classNames(
            'pd-qa__entry',
            entry.pinned && 'pd-qa__entry--pinned',
            entry.answered && 'pd-qa__entry--answered',
            entry.hidden && 'pd-qa__entry--hidden',
          )}
          data-testid="qa-entry"
          data-entry-id={entry.id}
        >
          <div className="pd-qa__votes">
            <span aria-hidden="true">▲ {entry.upvotes}</span>
            <span className="pd-sr-only">{text.upvotes(entry.upvotes)}</span>
          </div>
          <div className="pd-qa__body">
            <p className="pd-qa__text">{entry.text}</p>
            <p className="pd-qa__meta">
              <span>{text.askedBy(entry.authorNickname)}</span>
              {entry.pinned ? <span className="pd-tag pd-tag--pinned">📌 {text.pinned}</span> : null}
              {entry.answered ? <span className="pd-tag pd-tag--answered">✓ {text.answered}</span> : null}
              {entry.hidden ? <span className="pd-tag pd-tag--hidden">{text.hidden}</span> : null}
            </p>
          </div>
          {renderActions ? <div className="pd-qa__actions">{renderActions(entry)}</div> : null}
        </li>
      ))}
    </ul>
  );
}
