import { clampAlertDuration, nextAlertSlot, normalizeAlertText } from './alert-queue.rules';

const NOW = new Date('2026-01-01T10:00:00.000Z');

describe('nextAlertSlot', () => {
  it('starts now when the queue is empty', () => {
    const slot = nextAlertSlot(NOW, null, 5_000);
    expect(slot.startsAt.toISOString()).toBe('2026-01-01T10:00:00.000Z');
    expect(slot.endsAt.toISOString()).toBe('2026-01-01T10:00:05.000Z');
  });

  it('starts now when the last alert already ended', () => {
    const slot = nextAlertSlot(NOW, new Date('2026-01-01T09:59:59.000Z'), 3_000);
    expect(slot.startsAt.toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });

  it('starts exactly when the last alert ends, so slots touch but never overlap', () => {
    const last = new Date('2026-01-01T10:00:04.000Z');
    const slot = nextAlertSlot(NOW, last, 2_000);
    expect(slot.startsAt.getTime()).toBe(last.getTime());
    expect(slot.endsAt.toISOString()).toBe('2026-01-01T10:00:06.000Z');
  });

  it('chains three alerts one after another', () => {
    const a = nextAlertSlot(NOW, null, 4_000);
    const b = nextAlertSlot(NOW, a.endsAt, 4_000);
    const c = nextAlertSlot(NOW, b.endsAt, 4_000);
    expect([a, b, c].map((s) => s.startsAt.toISOString())).toEqual([
      '2026-01-01T10:00:00.000Z',
      '2026-01-01T10:00:04.000Z',
      '2026-01-01T10:00:08.000Z',
    ]);
  });

  it('clamps the duration it books', () => {
    expect(nextAlertSlot(NOW, null, 0).endsAt.getTime() - NOW.getTime()).toBe(1_000);
    expect(nextAlertSlot(NOW, null, 3_600_000).endsAt.getTime() - NOW.getTime()).toBe(60_000);
  });
});

describe('clampAlertDuration', () => {
  it('keeps 1–60 s, rounds, and refuses non-numbers', () => {
    expect(clampAlertDuration(999)).toBe(1_000);
    expect(clampAlertDuration(1_000)).toBe(1_000);
    expect(clampAlertDuration(60_000)).toBe(60_000);
    expect(clampAlertDuration(60_001)).toBe(60_000);
    expect(clampAlertDuration(2_500.4)).toBe(2_500);
    expect(clampAlertDuration(Number.NaN)).toBe(1_000);
  });
});

describe('normalizeAlertText', () => {
  it('collapses whitespace and caps the length', () => {
    expect(normalizeAlertText('  hi\n\tthere  ')).toBe('hi there');
    expect(normalizeAlertText('abcdef', 4)).toBe('abc…');
  });

  it('leaves markup as plain characters (the overlay renders text, never HTML)', () => {
    expect(normalizeAlertText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });
});
