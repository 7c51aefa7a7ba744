import type { QaEntryDto, ScoreEntryDto } from '@podium/contracts';
import {
  choiceBars,
  cloudWords,
  formatSeconds,
  joinCodeHalves,
  percent,
  scoreboardRows,
  sortQaEntries,
} from './results-math';

describe('percent', () => {
  it('rounds to whole numbers', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(12, 30)).toBe(40);
  });

  it('is 0 when nobody answered', () => {
    expect(percent(0, 0)).toBe(0);
    expect(percent(3, 0)).toBe(0);
  });
});

describe('choiceBars', () => {
  const choices = [
    { id: 'p', label: 'Paris' },
    { id: 'l', label: 'Lyon' },
    { id: 'm', label: 'Marseille' },
  ];

  it('keeps the question order, shares of the answered, fills relative to the leader', () => {
    const bars = choiceBars(choices, { p: 12, l: 6 }, 30, null);
    expect(bars.map((b) => [b.id, b.count, b.percent, b.fill, b.correct])).toEqual([
      ['p', 12, 40, 1, null],
      ['l', 6, 20, 0.5, null],
      ['m', 0, 0, 0, null],
    ]);
  });

  it('lets multiple-choice shares add up past 100', () => {
    const bars = choiceBars(choices, { p: 4, l: 3, m: 2 }, 4, null);
    expect(bars.map((b) => b.percent)).toEqual([100, 75, 50]);
  });

  it('marks correct and wrong choices once the correct ids are known', () => {
    const bars = choiceBars(choices, { p: 1 }, 1, ['p', 'm']);
    expect(bars.map((b) => b.correct)).toEqual([true, false, true]);
  });

  it('has no NaN with no answers', () => {
    const bars = choiceBars(choices, {}, 0, null);
    expect(bars.every((b) => b.percent === 0 && b.fill === 0)).toBe(true);
  });
});

describe('cloudWords', () => {
  const words = [
    { text: 'one', count: 1 },
    { text: 'four', count: 4 },
    { text: 'nine', count: 9 },
    { text: 'two', count: 2 },
    { text: 'zero', count: 0 },
  ];

  it('puts the most frequent word in the middle and the rarer ones towards both sides', () => {
    expect(cloudWords(words).map((w) => w.text)).toEqual(['one', 'four', 'nine', 'two']);
  });

  it('grows sizes with the square root of the count, from 0 to 1', () => {
    const byText = Object.fromEntries(cloudWords(words).map((w) => [w.text, w.weight]));
    expect(byText['nine']).toBe(1);
    expect(byText['one']).toBe(0);
    expect(byText['four']).toBeCloseTo(0.5);
  });

  it('keeps the most frequent words up to the limit', () => {
    expect(
      cloudWords(words, 2)
        .map((w) => w.text)
        .sort(),
    ).toEqual(['four', 'nine']);
  });

  it('gives equal words one middle size and a stable order and colour', () => {
    const equal = [
      { text: 'b', count: 2 },
      { text: 'a', count: 2 },
    ];
    const first = cloudWords(equal);
    expect(first.map((w) => w.weight)).toEqual([0.6, 0.6]);
    expect(cloudWords([...equal].reverse())).toEqual(first);
    expect(first.every((w) => w.tone >= 0 && w.tone < 5)).toBe(true);
  });

  it('is empty without words', () => {
    expect(cloudWords([])).toEqual([]);
  });
});

function entry(overrides: Partial<QaEntryDto>): QaEntryDto {
  return {
    id: 'e',
    text: 'Why?',
    authorNickname: 'Ann',
    upvotes: 0,
    pinned: false,
    answered: false,
    hidden: false,
    createdAt: '2025-01-01T10:00:00.000Z',
    ...overrides,
  };
}

describe('sortQaEntries', () => {
  const entries = [
    entry({ id: 'old', upvotes: 2, createdAt: '2025-01-01T10:00:00.000Z' }),
    entry({ id: 'new', upvotes: 2, createdAt: '2025-01-01T10:05:00.000Z' }),
    entry({ id: 'top', upvotes: 9 }),
    entry({ id: 'pin', pinned: true }),
    entry({ id: 'done', answered: true, upvotes: 50 }),
    entry({ id: 'hid', hidden: true, upvotes: 99 }),
  ];

  it('puts pinned first, answered last, then by upvotes, then oldest', () => {
    expect(sortQaEntries(entries, false).map((e) => e.id)).toEqual(['pin', 'top', 'old', 'new', 'done']);
  });

  it('shows hidden entries only when asked', () => {
    expect(sortQaEntries(entries, true).map((e) => e.id)).toContain('hid');
  });
});

function score(attendeeId: string, rank: number): ScoreEntryDto {
  return { attendeeId, nickname: attendeeId, rank, quizPoints: 0, flagPoints: 0, total: 10 - rank };
}

describe('scoreboardRows', () => {
  const entries = [score('a', 1), score('b', 2), score('c', 3), score('d', 4)];

  it('shows the top rows', () => {
    expect(scoreboardRows(entries, 2, null)).toEqual({ top: entries.slice(0, 2), extra: null });
  });

  it('adds the highlighted attendee when they rank below the top', () => {
    expect(scoreboardRows(entries, 2, 'd').extra).toEqual(entries[3]);
    expect(scoreboardRows(entries, 2, 'b').extra).toBeNull();
  });

  it('adds nothing for an attendee not on the board', () => {
    expect(scoreboardRows(entries, 2, 'zz').extra).toBeNull();
  });
});

describe('formatSeconds and joinCodeHalves', () => {
  it('formats m:ss', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(9)).toBe('0:09');
    expect(formatSeconds(75)).toBe('1:15');
    expect(formatSeconds(-3)).toBe('0:00');
  });

  it('splits a code in two halves', () => {
    expect(joinCodeHalves('ABCDEF')).toEqual(['ABC', 'DEF']);
    expect(joinCodeHalves('ABCDE')).toEqual(['ABC', 'DE']);
  });
});
