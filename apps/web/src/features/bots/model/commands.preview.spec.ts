import { DEFAULT_PREVIEW_SAMPLE, previewResponses, sampleCall, seededRandom } from './commands.preview';

const sample = { ...DEFAULT_PREVIEW_SAMPLE, user: 'Grace', args: 'the ninth wave', count: 5 };

describe('the response preview', () => {
  it('fills placeholders exactly as the bot does', () => {
    const [line] = previewResponses(
      ['{user} asked for {args.2} {args.3} ({count}) with {points} {currency}; {unknown} stays'],
      sample,
    );
    expect(line?.text).toBe('Grace asked for ninth wave (5) with 1200 points; {unknown} stays');
    expect(line?.empty).toBe(false);
    expect(line?.tooLong).toBe(false);
  });

  it('never reads what a value brings in as a placeholder, and keeps markup as text', () => {
    const [line] = previewResponses(['hi {user}'], { ...sample, user: '<b>{args}</b>' });
    expect(line?.text).toBe('hi <b>{args}</b>');
  });

  it('picks random choices from a seed: the same seed the same pick, the next few seeds (re-rolls) differ', () => {
    const templates = ['{random:a|b|c|d|e|f|g|h}'];
    const first = previewResponses(templates, sample, seededRandom(1))[0]?.text;
    expect(previewResponses(templates, sample, seededRandom(1))[0]?.text).toBe(first);
    const picks = new Set(
      Array.from(
        { length: 4 },
        (_, seed) => previewResponses(templates, sample, seededRandom(seed + 1))[0]?.text,
      ),
    );
    expect(picks.size).toBeGreaterThan(1);
    for (const pick of picks) expect('abcdefgh').toContain(pick);
  });

  it('flags responses that render empty or longer than a response may be', () => {
    const [empty, long] = previewResponses(['{args.9}', `${'x'.repeat(495)} {user}`], sample);
    expect(empty?.empty).toBe(true);
    expect(long?.tooLong).toBe(true);
  });

  it('falls back to a sample name when the name box is empty', () => {
    expect(previewResponses(['{user}'], { ...sample, user: '  ' })[0]?.text).toBe(
      DEFAULT_PREVIEW_SAMPLE.user,
    );
  });

  it('shows the call line with the prefix', () => {
    expect(sampleCall('!', 'so', ' ada ')).toBe('!so ada');
    expect(sampleCall('?', 'help', '')).toBe('?help');
  });

  it('has a random source in [0, 1)', () => {
    const random = seededRandom(42);
    for (let i = 0; i < 1000; i += 1) {
      const value = random();
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
  });
});
