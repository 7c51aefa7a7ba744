import { Scoreboard } from '@podium/ui';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

/** `scoreboard`: the top N (`&top=`, 10 by default) of the followed meeting, in every phase. */
export function ScoreboardOverlay({ connection, meeting, messages, options }: OverlayViewProps) {
  const scoreboard = meeting.view?.scoreboard ?? null;
  return (
    <OverlayFrame connection={connection} messages={messages} kind="scoreboard">
      {scoreboard && scoreboard.entries.length > 0 ? (
        <section className="ov-scoreboard" data-testid="overlay-scoreboard" data-top={options.top}>
          <h1 className="ov-scoreboard__title">{messages.scoreboard.title}</h1>
          <Scoreboard entries={scoreboard.entries} top={options.top} labels={messages.scoreboard} />
        </section>
      ) : null}
    </OverlayFrame>
  );
}
