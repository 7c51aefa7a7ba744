import { useEffect, useState } from 'react';
import { serverNow } from '../connection-state';
import type { OverlayViewProps } from './overlay-view';
import { StatusPill } from './status-pill';

const TICK_MS = 1_000;

/** `test`: proves the OBS source is wired: connection state and the server's clock. */
export function TestOverlay({ connection, messages, language }: OverlayViewProps) {
  const [now, setNow] = useState(() => Date.now());
  const online = connection.status === 'online';

  useEffect(() => {
    if (!online) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [online]);

  // A frozen clock would look live: show the time only while it is.
  const time = online ? serverNow(connection, now) : null;
  const hint =
    connection.status === 'revoked'
      ? messages.revoked
      : connection.status === 'unauthorized'
        ? messages.invalidToken
        : null;

  return (
    <div className="stack">
      <StatusPill state={connection.status} label={messages.status[connection.status]}>
        {time ? (
          <time
            className="pill__time"
            dateTime={time.toISOString()}
            title={messages.serverTime}
            data-testid="overlay-server-time"
          >
            {time.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
          </time>
        ) : null}
      </StatusPill>
      {hint ? <p className="note">{hint}</p> : null}
    </div>
  );
}
