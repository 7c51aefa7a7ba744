import type { VoteTallyDto } from '@podium/contracts';
import { type CSSProperties, useEffect, useMemo, useReducer } from 'react';
import { initialVoteFeed, reduceVoteFeed, rewardFilterFrom } from '../goals-votes-feed';
import { followVotes } from '../goals-votes-socket';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

const LIST_STYLE: CSSProperties = {
  position: 'fixed',
  left: '2rem',
  right: '2rem',
  bottom: '2rem',
  display: 'flex',
  flexDirection: 'column',
  gap: '1.5rem',
  pointerEvents: 'none',
  color: '#fff',
  textShadow: '0 2px 6px rgba(0, 0, 0, 0.8)',
};
const TITLE_STYLE: CSSProperties = { fontSize: '1.5rem', fontWeight: 700, margin: '0 0 0.5rem' };
const ROW_STYLE: CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  fontSize: '1.25rem',
  overflowWrap: 'anywhere',
};
const TRACK_STYLE: CSSProperties = {
  height: '0.875rem',
  borderRadius: '0.5rem',
  background: 'rgba(0, 0, 0, 0.55)',
  overflow: 'hidden',
  marginBottom: '0.5rem',
};
const FILL_STYLE: CSSProperties = {
  height: '100%',
  background: 'linear-gradient(90deg, #6366f1, #ec4899)',
  transition: 'width 300ms ease-out',
};

/** `vote`: each open vote's live tally (`&reward=<name>` for one); pushed on a short server tick. */
export function VoteOverlay({ connection, channel, messages }: OverlayViewProps) {
  const filter = useMemo(() => rewardFilterFrom(window.location.search), []);
  const [feed, dispatch] = useReducer(reduceVoteFeed(filter), initialVoteFeed);

  useEffect(() => (channel ? followVotes(channel, dispatch) : undefined), [channel]);

  return (
    <OverlayFrame connection={connection} messages={messages} kind="vote">
      {feed.votes.length > 0 ? (
        <section style={LIST_STYLE} data-testid="overlay-votes">
          {feed.votes.map((vote) => (
            <VoteTally key={vote.rewardId} vote={vote} />
          ))}
        </section>
      ) : null}
    </OverlayFrame>
  );
}

function VoteTally({ vote }: { vote: VoteTallyDto }) {
  return (
    <div data-testid="overlay-vote" data-reward-id={vote.rewardId} data-total={vote.totalVotes}>
      <p style={TITLE_STYLE}>
        !{vote.name}
        {vote.closedAt !== null ? ' 🔒' : ''}
      </p>
      {vote.options.map((option) => {
        const share = vote.totalVotes > 0 ? option.votes / vote.totalVotes : 0;
        return (
          <div
            key={option.id}
            data-testid="overlay-vote-option"
            data-option-id={option.id}
            data-votes={option.votes}
          >
            <div style={ROW_STYLE}>
              <span>
                {option.label} <small>{option.id}</small>
              </span>
              <span>
                {option.votes} · {Math.round(share * 100)}%
              </span>
            </div>
            <div style={TRACK_STYLE}>
              <div style={{ ...FILL_STYLE, width: `${share * 100}%` }} />
            </div>
          </div>
        );
      })}
    </div>
  );
}
