import type { AlertsFeedEvent } from './alerts-feed';
import { followSnapshot, type OverlayChannel } from './overlay-channel';

/**
 * The alerts overlay's feed on the page's socket: on every (re)connected session the server clock
 * and a fresh `alerts.snapshot`, then the `alert.queued` and `timer.changed` pushes. Returns the
 * unsubscribe; the socket stays the page's.
 */
export function followAlerts(channel: OverlayChannel, report: (event: AlertsFeedEvent) => void): () => void {
  const unsubscribe = [
    channel.on('alert.queued', ({ alert }) => report({ type: 'queued', alert })),
    channel.on('timer.changed', ({ timer }) => report({ type: 'timer', timer })),
    channel.onSession(({ serverTime, receivedAt }) => report({ type: 'clock', serverTime, receivedAt })),
    followSnapshot(channel, 'alerts.snapshot', (snapshot) =>
      report({ type: 'snapshot', snapshot, receivedAt: Date.now() }),
    ).stop,
  ];
  return () => {
    for (const off of unsubscribe) off();
  };
}
