import type { GoalProgressDto } from '@podium/contracts';
import { type CSSProperties, useEffect, useMemo, useReducer } from 'react';
import { goalShare, initialGoalFeed, reduceGoalFeed, rewardFilterFrom } from '../goals-votes-feed';
import { followGoals } from '../goals-votes-socket';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

// Transparent page; goals stacked at the bottom of the scene (recommended 800×200 per goal).
const LIST_STYLE: CSSProperties = {
  position: 'fixed',
  left: '2rem',
  right: '2rem',
  bottom: '2rem',
  display: 'flex',
  flexDirection: 'column',
  gap: '1.25rem',
  pointerEvents: 'none',
};
const LABEL_STYLE: CSSProperties = {
  display: 'flex',
  justifyContent: 'space-between',
  color: '#fff',
  fontSize: '1.5rem',
  fontWeight: 700,
  textShadow: '0 2px 6px rgba(0, 0, 0, 0.8)',
  overflowWrap: 'anywhere',
};
const TRACK_STYLE: CSSProperties = {
  position: 'relative',
  height: '1.5rem',
  borderRadius: '0.75rem',
  background: 'rgba(0, 0, 0, 0.55)',
  overflow: 'hidden',
};
const FILL_STYLE: CSSProperties = {
  height: '100%',
  background: 'linear-gradient(90deg, #22c55e, #a3e635)',
  transition: 'width 400ms ease-out',
};
const TICK_STYLE: CSSProperties = {
  position: 'absolute',
  top: 0,
  bottom: 0,
  width: '3px',
  background: 'rgba(255, 255, 255, 0.8)',
};
const MILESTONES_STYLE: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.75rem',
  margin: '0.25rem 0 0',
  padding: 0,
  listStyle: 'none',
  color: '#fff',
  fontSize: '1rem',
  textShadow: '0 2px 4px rgba(0, 0, 0, 0.8)',
};

/** `goal`: each goal's progress toward its target, with its milestones (`&reward=<name>` for one). */
export function GoalOverlay({ connection, channel, messages }: OverlayViewProps) {
  const filter = useMemo(() => rewardFilterFrom(window.location.search), []);
  const [feed, dispatch] = useReducer(reduceGoalFeed(filter), initialGoalFeed);

  useEffect(() => (channel ? followGoals(channel, dispatch) : undefined), [channel]);

  return (
    <OverlayFrame connection={connection} messages={messages} kind="goal">
      {feed.goals.length > 0 ? (
        <section style={LIST_STYLE} data-testid="overlay-goals">
          {feed.goals.map((goal) => (
            <GoalBar key={goal.rewardId} goal={goal} />
          ))}
        </section>
      ) : null}
    </OverlayFrame>
  );
}

/** One goal; names and labels are the organizer's text, rendered as text (React escapes it). */
function GoalBar({ goal }: { goal: GoalProgressDto }) {
  const percent = Math.floor(goalShare(goal) * 100);
  return (
    <div
      data-testid="overlay-goal"
      data-reward-id={goal.rewardId}
      data-progress={goal.progress}
      data-completed={goal.completedAt !== null}
    >
      <div style={LABEL_STYLE}>
        <span>{goal.name}</span>
        <span>
          {goal.progress} / {goal.target}
        </span>
      </div>
      <div
        style={TRACK_STYLE}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={goal.target}
        aria-valuenow={goal.progress}
      >
        <div style={{ ...FILL_STYLE, width: `${percent}%` }} />
        {goal.milestones.map((m) => (
          <span key={m.at} style={{ ...TICK_STYLE, left: `${Math.min(100, (m.at / goal.target) * 100)}%` }} />
        ))}
      </div>
      {goal.milestones.length > 0 ? (
        <ul style={MILESTONES_STYLE}>
          {goal.milestones.map((m) => (
            <li key={m.at} data-testid="overlay-goal-milestone" data-reached={m.reachedAt !== null}>
              {m.reachedAt !== null ? '✔ ' : ''}
              {m.label} ({m.at})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
