import type { ReactNode } from 'react';
import type { OverlayConnection } from '../connection-state';
import type { OverlayMessages } from '../messages';
import { StatusPill } from './status-pill';

/**
 * A meeting overlay: on stream it shows only its content; the status pill appears only when
 * something is wrong (offline, bad or revoked link), so the scene stays clean while it works.
 */
export function OverlayFrame({
  connection,
  messages,
  kind,
  children,
}: {
  connection: OverlayConnection;
  messages: OverlayMessages;
  kind: string;
  children: ReactNode;
}) {
  const { status } = connection;
  const hint =
    status === 'revoked' ? messages.revoked : status === 'unauthorized' ? messages.invalidToken : null;
  return (
    <div className={`live live--${kind}`} data-testid="overlay-live" data-kind={kind} data-state={status}>
      {status === 'online' || status === 'connecting' ? null : (
        <div className="stack live__status">
          <StatusPill state={status} label={messages.status[status]} />
          {hint ? <p className="note">{hint}</p> : null}
        </div>
      )}
      {status === 'revoked' || status === 'unauthorized' ? null : children}
    </div>
  );
}

/** Phases in which the current question is on screen. */
export const QUESTION_PHASES = ['question_open', 'question_closed', 'results'] as const;

export function isQuestionPhase(phase: string): boolean {
  return (QUESTION_PHASES as readonly string[]).includes(phase);
}
