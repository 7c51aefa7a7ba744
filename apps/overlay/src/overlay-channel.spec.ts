import type { AlertDto, AlertsSnapshotDto, RevolutionProgressDto } from '@podium/contracts';
import type { AlertsFeedEvent } from './alerts-feed';
import { followAlerts } from './alerts-socket';
import { createOverlayChannel, type OverlaySocket, SNAPSHOT_RETRY_MS } from './overlay-channel';
import type { RevolutionFeedEvent } from './revolution-feed';
import { followRevolutions } from './revolution-socket';

type Listener = (...args: unknown[]) => void;
interface Sent {
  event: string;
  payload: unknown;
  answer: (err: Error | null, ack?: unknown) => void;
}

/** Just enough of a socket.io client: listeners by event, and emits with an ack kept to answer. */
class FakeSocket {
  connected = false;
  readonly listeners = new Map<string, Set<Listener>>();
  readonly sent: Sent[] = [];

  on(event: string, listener: Listener): this {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }
  off(event: string, listener: Listener): this {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  timeout() {
    return {
      emit: (event: string, payload: unknown, answer: Sent['answer']) => {
        this.sent.push({ event, payload, answer });
      },
    };
  }
  push(event: string, payload: unknown): void {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
  count(event: string): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}

const SERVER_TIME = '2026-11-21T12:00:00.000Z';
const snapshot = (alerts: AlertDto[] = []): AlertsSnapshotDto => ({
  alerts,
  timer: null,
  serverTime: SERVER_TIME,
});
const progress = (count: number): RevolutionProgressDto =>
  ({ revolutionId: 'r1', count, threshold: 30, showOnOverlay: true }) as RevolutionProgressDto;

function setup() {
  const socket = new FakeSocket();
  const link = createOverlayChannel(socket as unknown as OverlaySocket);
  const start = (receivedAt = 1_000) => {
    socket.connected = true;
    link.sessionStarted({ serverTime: SERVER_TIME, receivedAt });
  };
  const lose = () => {
    socket.connected = false;
    link.sessionEnded();
  };
  return { socket, channel: link.channel, start, lose };
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('one socket per overlay page: feeds on the page channel', () => {
  it('alerts: waits for the session, then takes the clock and a snapshot, then the pushes', async () => {
    const { socket, channel, start } = setup();
    const events: AlertsFeedEvent[] = [];
    followAlerts(channel, (event) => events.push(event));
    expect(socket.sent).toEqual([]);

    start(1_000);
    expect(events).toEqual([{ type: 'clock', serverTime: SERVER_TIME, receivedAt: 1_000 }]);
    expect(socket.sent.map((s) => s.event)).toEqual(['alerts.snapshot']);
    socket.sent[0]?.answer(null, { ok: true, data: snapshot() });
    await flush();
    expect(events[1]).toMatchObject({ type: 'snapshot', snapshot: snapshot() });

    const queued = { id: 'a1' } as AlertDto;
    socket.push('alert.queued', { alert: queued });
    socket.push('timer.changed', { timer: null });
    expect(events.slice(2)).toEqual([
      { type: 'queued', alert: queued },
      { type: 'timer', timer: null },
    ]);
  });

  it('alerts: resyncs after a reconnection and ignores an answer overtaken by a newer request', async () => {
    const { socket, channel, start, lose } = setup();
    const events: AlertsFeedEvent[] = [];
    followAlerts(channel, (event) => events.push(event));
    start();
    lose();
    start(2_000);
    expect(socket.sent.map((s) => s.event)).toEqual(['alerts.snapshot', 'alerts.snapshot']);
    socket.sent[0]?.answer(null, { ok: true, data: snapshot([{ id: 'old' } as AlertDto]) });
    socket.sent[1]?.answer(null, { ok: true, data: snapshot() });
    await flush();
    const snapshots = events.filter((event) => event.type === 'snapshot');
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({ snapshot: { alerts: [] } });
  });

  it('a view that subscribes once the page is connected asks at once', () => {
    const { socket, channel, start } = setup();
    start();
    const events: AlertsFeedEvent[] = [];
    followAlerts(channel, (event) => events.push(event));
    expect(events.map((event) => event.type)).toEqual(['clock']);
    expect(socket.sent.map((s) => s.event)).toEqual(['alerts.snapshot']);
  });

  it('asks again after a failed or timed-out snapshot while connected, not while offline', async () => {
    jest.useFakeTimers();
    try {
      const { socket, channel, start, lose } = setup();
      followAlerts(channel, () => undefined);
      start();
      socket.sent[0]?.answer(new Error('operation has timed out'));
      await Promise.resolve();
      await Promise.resolve();
      jest.advanceTimersByTime(SNAPSHOT_RETRY_MS);
      expect(socket.sent).toHaveLength(2);
      socket.sent[1]?.answer(null, { ok: false, error: { statusCode: 503, code: 'x', message: 'x' } });
      await Promise.resolve();
      await Promise.resolve();
      lose();
      jest.advanceTimersByTime(SNAPSHOT_RETRY_MS * 3);
      expect(socket.sent).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('stopping a feed removes only its own listeners; the page socket stays open', () => {
    const { socket, channel, start } = setup();
    const pageListener = () => undefined;
    socket.on('alert.queued', pageListener);
    const stop = followAlerts(channel, () => undefined);
    const revolutions = followRevolutions(channel, () => undefined);
    expect(socket.count('alert.queued')).toBe(2);
    expect(socket.count('revolution.progress')).toBe(1);
    stop();
    revolutions.stop();
    expect(socket.count('alert.queued')).toBe(1);
    expect(socket.count('revolution.progress')).toBe(0);
    // Nothing is asked for a stopped feed when the session comes back.
    start();
    expect(socket.sent).toEqual([]);
  });

  it('revolutions: a snapshot per session and per refresh, then the progress pushes', async () => {
    const { socket, channel, start } = setup();
    const events: RevolutionFeedEvent[] = [];
    const feed = followRevolutions(channel, (event) => events.push(event));
    feed.refresh();
    expect(socket.sent).toEqual([]);
    start();
    feed.refresh();
    expect(socket.sent.map((s) => s.event)).toEqual(['revolutions.snapshot', 'revolutions.snapshot']);
    socket.sent[1]?.answer(null, { ok: true, data: { revolutions: [] } });
    await flush();
    socket.push('revolution.progress', progress(3));
    expect(events).toEqual([
      { type: 'snapshot', snapshot: { revolutions: [] } },
      { type: 'progress', progress: progress(3) },
    ]);
  });
});
