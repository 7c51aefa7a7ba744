import type { ParticipantPlatform, ScoreEntryDto } from '@podium/contracts';
import { scoreboardRows } from './results-math';
import { classNames } from './results-labels';

export interface ScoreboardLabels {
  title: string;
  /** "Rank 2, Bob, 12 points" */
  row: (rank: number, nickname: string, total: number) => string;
  empty: string;
  you: string;
  /** The badge of a participant who answered from a stream's chat ("Twitch"); brand names by default. */
  platform?: (platform: ParticipantPlatform) => string;
}

const PLATFORM_NAMES: Record<ParticipantPlatform, string> = {
  twitch: 'Twitch',
  youtube: 'YouTube',
  owncast: 'Owncast',
  rehearsal: 'Rehearsal',
};

/** English; apps pass their own words (the overlay reuses these for English). */
export const DEFAULT_SCOREBOARD_LABELS: ScoreboardLabels = {
  title: 'Scoreboard',
  row: (rank, nickname, total) => `Rank ${rank}, ${nickname}, ${total} ${total === 1 ? 'point' : 'points'}`,
  empty: 'No scores yet',
  you: 'you',
};

function platformName(platform: ParticipantPlatform): string {
  return PLATFORM_NAMES[platform];
}

export interface ScoreboardProps {
  entries: readonly ScoreEntryDto[];
  /** Rows shown; the highlighted attendee is added after them when they rank lower. */
  top?: number;
  /** The attendee looking at it (or a row to point out). */
  highlightId?: string | null;
  labels?: Partial<ScoreboardLabels>;
  className?: string;
}

export function Scoreboard({ entries, top = 10, highlightId = null, labels, className }: ScoreboardProps) {
  const text = { ...DEFAULT_SCOREBOARD_LABELS, ...labels };
  const { top: rows, extra } = scoreboardRows(entries, top, highlightId);
  return (
    <section
      className={classNames('pd-scoreboard', className)}
      aria-label={text.title}
      data-testid="scoreboard"
    >
      {rows.length === 0 ? (
        <p className="pd-empty">{text.empty}</p>
      ) : (
        <ol className="pd-scoreboard__list">
          {rows.map((entry) => (
            <ScoreRow
              key={entry.attendeeId}
              entry={entry}
              highlighted={entry.attendeeId === highlightId}
              text={text}
            />
          ))}
          {extra ? (
            <>
              <li className="pd-scoreboard__gap" aria-hidden="true">
                …
              </li>
              <ScoreRow entry={extra} highlighted text={text} />
            </>
          ) : null}
        </ol>
      )}
    </section>
  );
}

function ScoreRow({
  entry,
  highlighted,
  text,
}: {
  entry: ScoreEntryDto;
  highlighted: boolean;
  text: ScoreboardLabels;
}) {
  return (
    <li
      className={classNames(
        'pd-scoreboard__row',
        highlighted && 'pd-scoreboard__row--me',
        entry.rank <= 3 && `pd-rank-${entry.rank}`,
      )}
      data-testid="scoreboard-row"
      data-attendee-id={entry.attendeeId}
      data-rank={entry.rank}
      aria-current={highlighted ? 'true' : undefined}
    >
      <span className="pd-sr-only">
        {text.row(entry.rank, entry.nickname, entry.total)}
        {entry.platform ? `, ${(text.platform ?? platformName)(entry.platform)}` : ''}
        {highlighted ? ` (${text.you})` : ''}
      </span>
      <span className="pd-scoreboard__rank" aria-hidden="true">
        {entry.rank}
      </span>
      <span className="pd-scoreboard__name" aria-hidden="true">
        {entry.nickname}
        {entry.platform ? (
          <span
            className={`pd-scoreboard__badge pd-scoreboard__badge--${entry.platform}`}
            data-platform={entry.platform}
          >
            {(text.platform ?? platformName)(entry.platform)}
          </span>
        ) : null}
      </span>
      <span className="pd-scoreboard__total" aria-hidden="true">
        {entry.total}
      </span>
    </li>
  );
}
