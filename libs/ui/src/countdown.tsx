import { useEffect, useState } from 'react';
import { secondsUntil } from './live-meeting';
import { formatSeconds } from './results-math';

export interface CountdownLabels {
  /** Screen-reader text, e.g. "12 seconds left". */
  secondsLeft: (seconds: number) => string;
  timeUp: string;
}

/** English; apps pass their own words (the overlay reuses these for English). */
export const DEFAULT_COUNTDOWN_LABELS: CountdownLabels = {
  secondsLeft: (seconds) => `${seconds} ${seconds === 1 ? 'second' : 'seconds'} left`,
  timeUp: "Time's up",
};

export interface CountdownProps {
  /** The open question's deadline (LiveStateDto.closesAt); nothing is shown without one. */
  closesAt: string | null;
  /** Server clock minus this client's clock (MeetingView.serverOffsetMs). */
  serverOffsetMs: number;
  labels?: Partial<CountdownLabels>;
  className?: string;
}

export function Countdown({ closesAt, serverOffsetMs, labels, className }: CountdownProps) {
  const text = { ...DEFAULT_COUNTDOWN_LABELS, ...labels };
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (closesAt === null) return undefined;
    // A quarter second keeps the display within 250 ms of the real second without busy redraws.
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [closesAt]);

  const left = secondsUntil(closesAt, now, serverOffsetMs);
  if (left === null) return null;
  const urgent = left <= 5;
  return (
    <div
      className={['pd-countdown', urgent ? 'pd-countdown--urgent' : '', className].filter(Boolean).join(' ')}
      role="timer"
      aria-label={left === 0 ? text.timeUp : text.secondsLeft(left)}
      data-testid="countdown"
      data-seconds={left}
    >
      <span aria-hidden="true">{formatSeconds(left)}</span>
    </div>
  );
}
