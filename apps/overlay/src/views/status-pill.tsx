import type { ReactNode } from 'react';
import type { OverlayStatus } from '../connection-state';

/** The small on-stream pill every overlay state uses; `data-state` is for tests and styling. */
export function StatusPill({
  state,
  label,
  children,
}: {
  state: OverlayStatus;
  label: string;
  children?: ReactNode;
}) {
  return (
    <div className="pill" data-testid="overlay-status" data-state={state} role="status" aria-live="polite">
      <span className="pill__dot" aria-hidden="true" />
      <span className="pill__label">{label}</span>
      {children}
    </div>
  );
}
