import type { RevolutionProgressDto } from '@podium/contracts';
import { type CSSProperties, useEffect, useReducer, useRef, useState } from 'react';
import {
  barShare,
  initialRevolutionFeed,
  isResting,
  needsRefresh,
  reduceRevolutionFeed,
  REFRESH_WHILE_COUNTING_MS,
} from '../revolution-feed';
import { followRevolutions } from '../revolution-socket';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

// Styles live beside the view: transparent page, bars stacked at the bottom of the scene.
const LIST_STYLE: CSSProperties = {
  position: 'fixed',
  left: '2rem',
  right: '2rem',
  bottom: '2rem',
  display: 'flex',
  flexDirection: 'column',
  gap: '0.75rem',
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
  height: '1.25rem',
  borderRadius: '0.625rem',
  background: 'rgba(0, 0, 0, 0.55)',
  overflow: 'hidden',
};
const FILL_STYLE: CSSProperties = {
  height: '100%',
  background: 'linear-gradient(90deg, #f43f5e, #f59e0b)',
  transition: 'width 300ms ease-out',
};

/** `revolution`: a progress bar per revolution bot shown on the overlay (count of threshold). */
export function RevolutionOverlay({ connection, channel, messages }: OverlayViewProps) {
  const [feed, dispatch] = useReducer(reduceRevolutionFeed, initialRevolutionFeed);
  const refresh = useRef<() => void>(() => undefined);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!channel) return undefined;
    const follow = followRevolutions(channel, dispatch);
    refresh.current = follow.refresh;
    return () => {
      refresh.current = () => undefined;
      follow.stop();
    };
  }, [channel]);

  // Hits leave the window silently: re-read while a bar is partly full (and let cooldowns end).
  const counting = needsRefresh(feed);
  const resting = feed.bars.some((bar) => bar.cooldownUntil !== null);
  useEffect(() => {
    if (!counting && !resting) return undefined;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (counting) refresh.current();
    }, REFRESH_WHILE_COUNTING_MS);
    return () => clearInterval(timer);
  }, [counting, resting]);

  return (
    <OverlayFrame connection={connection} messages={messages} kind="revolution">
      {feed.bars.length > 0 ? (
        <section className="ov-revolutions" style={LIST_STYLE} data-testid="overlay-revolutions">
          {feed.bars.map((bar) => (
            <RevolutionBar key={bar.revolutionId} bar={bar} resting={isResting(bar, now)} />
          ))}
        </section>
      ) : null}
    </OverlayFrame>
  );
}

/** One bar; the name is the organizer's text, rendered as text (React escapes it). */
function RevolutionBar({ bar, resting }: { bar: RevolutionProgressDto; resting: boolean }) {
  const percent = Math.round(barShare(bar) * 100);
  return (
    <div
      className="ov-revolution"
      data-testid="overlay-revolution"
      data-revolution-id={bar.revolutionId}
      data-count={bar.count}
      data-resting={resting}
    >
      <div style={LABEL_STYLE}>
        <span>
          {bar.name} <small>{bar.trigger}</small>
        </span>
        <span>
          {bar.count} / {bar.threshold}
        </span>
      </div>
      <div
        style={TRACK_STYLE}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={bar.threshold}
        aria-valuenow={bar.count}
      >
        <div style={{ ...FILL_STYLE, width: `${resting ? 100 : percent}%` }} />
      </div>
    </div>
  );
}
