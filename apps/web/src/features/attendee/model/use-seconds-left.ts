import type { LiveStateDto } from '@podium/contracts';
import { secondsLeft } from '@podium/ui';
import { useEffect, useState } from 'react';

/** Seconds left on the open question's timer by the server's clock, ticking; null when untimed. */
export function useSecondsLeft(state: LiveStateDto | null, serverOffsetMs: number): number | null {
  const [now, setNow] = useState(() => Date.now());
  const ticking = state !== null && state.phase === 'question_open' && state.closesAt !== null;

  useEffect(() => {
    if (!ticking) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [ticking, state?.closesAt]);

  return state ? secondsLeft(state, now, serverOffsetMs) : null;
}
