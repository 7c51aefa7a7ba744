import { type DependencyList, useEffect } from 'react';
import { holdLiveConnection, organizerSocket, type PodiumSocket } from '@/shared/socket/socket.client';

/** What a screen does with the organizer socket (listeners, a join); returns how to undo it. */
export type OrganizerSocketSubscriber = (socket: PodiumSocket) => (() => void) | void;

/**
 * Holds the organizer's live connection and hands its socket to `subscribe`. The returned cleanup
 * undoes the subscription, then lets go of the hold. The hold is taken even when there is no socket.
 */
export function holdOrganizerSocket(subscribe: OrganizerSocketSubscriber): () => void {
  const release = holdLiveConnection();
  const socket = organizerSocket();
  if (!socket) return release;
  const teardown = subscribe(socket);
  return () => {
    if (teardown) teardown();
    release();
  };
}

/**
 * `holdOrganizerSocket` for as long as the component is mounted, again whenever `deps` change.
 * The linter checks `deps` at each call site (`additionalHooks` in eslint.config.mjs).
 */
export function useOrganizerSocket(subscribe: OrganizerSocketSubscriber, deps: DependencyList): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked where it calls
  useEffect(() => holdOrganizerSocket(subscribe), deps);
}
