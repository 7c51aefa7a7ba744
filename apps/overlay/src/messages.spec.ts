import { OVERLAY_MESSAGES, pickLanguage } from './messages';

describe('overlay messages', () => {
  it('have the same entries in every language, none empty', () => {
    const [en, ...others] = Object.values(OVERLAY_MESSAGES);
    for (const messages of others) {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
      expect(Object.keys(messages.status).sort()).toEqual(Object.keys(en.status).sort());
      for (const text of Object.values(messages.status)) expect(text.trim()).not.toBe('');
      expect(messages.unknownKind('poll')).toContain('poll');
    }
  });

  it('picks ?lang first, then the browser, then English', () => {
    expect(pickLanguage('fr', ['en-US'])).toBe('fr');
    expect(pickLanguage(null, ['fr-CA'])).toBe('fr');
    expect(pickLanguage('xx', ['de', 'en-GB'])).toBe('en');
    expect(pickLanguage(null, ['de'])).toBe('en');
  });
});
