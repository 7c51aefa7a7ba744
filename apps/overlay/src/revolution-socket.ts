import { followSnapshot, type OverlayChannel } from './overlay-channel';
import type { RevolutionFeedEvent } from './revolution-feed';

/**
 * The revolution overlay's feed on the page's socket: a `revolutions.snapshot` on every
 * (re)connected session and whenever `refresh()` is called, then the `revolution.progress` pushes.
 * `stop` unsubscribes; the socket stays the page's.
 */
export function followRevolutions(
  channel: OverlayChannel,
  report: (event: RevolutionFeedEvent) => void,
): { refresh: () => void; stop: () => void } {
  const offProgress = channel.on('revolution.progress', (progress) => report({ type: 'progress', progress }));
  const snapshots = followSnapshot(channel, 'revolutions.snapshot', (snapshot) =>
    report({ type: 'snapshot', snapshot }),
  );
  return {
    refresh: snapshots.refresh,
    stop: () => {
      offProgress();
      snapshots.stop();
    },
  };
}
