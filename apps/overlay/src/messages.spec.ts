import { OVERLAY_MESSAGES, pickLanguage } from './messages';

describe('overlay messages', () => {
  it('have the same entries in every language, none empty', () => {
    const [en, ...others] = Object.values(OVERLAY_MESSAGES);
    for (const messages of others) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      expect(Object.keys(messages.status).sort()).toEqual(Object.keys(en.status).sort());
      for (const text of Object.values(messages.status)) expect(text.trim()).not.toBe('');
      expect(messages.unknownKind('poll')).toContain('poll');
      for (const group of ['results', 'scoreboard', 'countdown'] as const) {
        expect(Object.keys(messages[group]).sort()).toEqual(Object.keys(en[group]).sort());
      }
      expect(messages.questionPosition(2, 5)).toMatch(/2.*5/);
      expect(messages.results.votes(3)).toContain('3');
    }
  });

  it('picks ?lang first, then the browser, then English', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
    expect(pickLanguage(null, ['fr-CA'])).toBe('fr');
    expect(pickLanguage('xx', ['de', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, ['de'])).toBe('en');
  });
});

describe('overlay plurals', () => {
  it('say one and many the way each language does', () => {
    expect(OVERLAY_MESSAGES.en.results.votes(1)).toBe('1 vote');
    expect(OVERLAY_MESSAGES.en.results.votes(0)).toBe('0 votes');
    expect(OVERLAY_MESSAGES.fr.results.answers(0)).toBe('0 réponse');
    expect(OVERLAY_MESSAGES.fr.results.answers(2)).toBe('2 réponses');
    expect(OVERLAY_MESSAGES.en.scoreboard.row(2, 'Bob', 1)).toBe('Rank 2, Bob, 1 point');
  });
});
