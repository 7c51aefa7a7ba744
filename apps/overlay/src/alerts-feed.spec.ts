import type { AlertDto, AlertsSnapshotDto } from '@podium/contracts';
import {
  currentAlert,
  formatCountdown,
  initialAlertsFeed,
  msUntilNextChange,
  pruneEnded,
  reduceAlertsFeed,
  timerRemainingMs,
} from './alerts-feed';

const T0 = Date.parse('2026-01-01T10:00:00.000Z');

function alert(id: string, startOffsetMs: number, durationMs = 5_000): AlertDto {
  return {
    id,
    workspaceId: 'w',
    kind: 'follow',
    text: `alert ${id}`,
    mediaId: null,
    mediaContentType: null,
    soundMediaId: null,
    durationMs,
    startsAt: new Date(T0 + startOffsetMs).toISOString(),
    endsAt: new Date(T0 + startOffsetMs + durationMs).toISOString(),
    createdAt: new Date(T0).toISOString(),
  };
}

function snapshot(alerts: AlertDto[], serverTime = T0): AlertsSnapshotDto {
  return { alerts, timer: null, serverTime: new Date(serverTime).toISOString() };
}

describe('alerts feed', () => {
  it('plays queued alerts one after the other by server time, whatever order they arrived in', () => {
    let feed = reduceAlertsFeed(initialAlertsFeed, {
      type: 'snapshot',
      snapshot: snapshot([]),
      receivedAt: T0,
    });
    feed = reduceAlertsFeed(feed, { type: 'queued', alert: alert('b', 5_000) });
    feed = reduceAlertsFeed(feed, { type: 'queued', alert: alert('a', 0) });
    expect(feed.alerts.map((a) => a.id)).toEqual(['a', 'b']);
    expect(currentAlert(feed, T0)?.id).toBe('a');
    expect(currentAlert(feed, T0 + 4_999)?.id).toBe('a');
    expect(currentAlert(feed, T0 + 5_000)?.id).toBe('b');
    expect(currentAlert(feed, T0 + 10_000)).toBeNull();
  });

  it('uses the server clock: a local clock 1 minute behind still starts alerts on time', () => {
    const localBehind = T0 - 60_000;
    const feed = reduceAlertsFeed(initialAlertsFeed, {
      type: 'snapshot',
      snapshot: snapshot([alert('a', 1_000)]),
      receivedAt: localBehind,
    });
    expect(feed.offsetMs).toBe(60_000);
    expect(currentAlert(feed, localBehind + 999)).toBeNull();
    expect(currentAlert(feed, localBehind + 1_000)?.id).toBe('a');
  });

  it('ignores a push it already has from the snapshot', () => {
    const feed = reduceAlertsFeed(initialAlertsFeed, {
      type: 'snapshot',
      snapshot: snapshot([alert('a', 0)]),
      receivedAt: T0,
    });
    expect(reduceAlertsFeed(feed, { type: 'queued', alert: alert('a', 0) })).toBe(feed);
  });

  it('resyncs from a snapshot on reconnect: what was missed appears, what ended is gone', () => {
    let feed = reduceAlertsFeed(initialAlertsFeed, {
      type: 'snapshot',
      snapshot: snapshot([alert('old', 0)]),
      receivedAt: T0,
    });
    feed = reduceAlertsFeed(feed, {
      type: 'snapshot',
      snapshot: snapshot([alert('missed', 6_000)], T0 + 6_000),
      receivedAt: T0 + 6_000,
    });
    expect(feed.alerts.map((a) => a.id)).toEqual(['missed']);
    expect(currentAlert(feed, T0 + 6_000)?.id).toBe('missed');
  });

  it('removes ended alerts and says when to look again', () => {
    const feed = reduceAlertsFeed(initialAlertsFeed, {
      type: 'snapshot',
      snapshot: snapshot([alert('a', 0, 2_000), alert('b', 2_000, 3_000)]),
      receivedAt: T0,
    });
    expect(msUntilNextChange(feed, T0 + 500)).toBe(1_500);
    expect(msUntilNextChange(feed, T0 + 2_000)).toBe(3_000);
    expect(pruneEnded(feed, T0 + 1_000)).toBe(feed);
    const pruned = pruneEnded(feed, T0 + 2_000);
    expect(pruned.alerts.map((a) => a.id)).toEqual(['b']);
    expect(msUntilNextChange(pruneEnded(feed, T0 + 5_000), T0 + 5_000)).toBeNull();
  });

  it('counts the timer down by server time and stops at zero', () => {
    let feed = reduceAlertsFeed(initialAlertsFeed, {
      type: 'snapshot',
      snapshot: snapshot([]),
      receivedAt: T0,
    });
    expect(timerRemainingMs(feed, T0)).toBeNull();
    feed = reduceAlertsFeed(feed, {
      type: 'timer',
      timer: { id: 't', startedAt: new Date(T0).toISOString(), endsAt: new Date(T0 + 60_000).toISOString() },
    });
    expect(timerRemainingMs(feed, T0 + 15_000)).toBe(45_000);
    expect(timerRemainingMs(feed, T0 + 61_000)).toBe(0);
    expect(reduceAlertsFeed(feed, { type: 'timer', timer: null }).timer).toBeNull();
  });
});

describe('formatCountdown', () => {
  it('shows m:ss, h:mm:ss from an hour, and rounds up', () => {
    expect(formatCountdown(60_000)).toBe('1:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(59_000)).toBe('0:59');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(3_600_000 + 65_000)).toBe('1:01:05');
  });
});
