import { containsTerm, matchesAutoResponse, normalizeText } from './auto-response.rules';

describe('containsTerm', () => {
  it('matches whole words, case-insensitively', () => {
    expect(containsTerm('What is the DISCORD link?', 'discord')).toBe(true);
    expect(containsTerm('discord', 'Discord')).toBe(true);
    expect(containsTerm('discordia rules', 'discord')).toBe(false);
    expect(containsTerm('my_discord', 'discord')).toBe(false);
    expect(containsTerm('anti-discord!', 'discord')).toBe(true);
  });

  it('matches a later occurrence when an earlier one is inside a word', () => {
    expect(containsTerm('discordant discord', 'discord')).toBe(true);
  });

  it('matches multi-word terms across any white space, and terms with symbols', () => {
    expect(containsTerm('when  does THE\tstream start?', 'the stream')).toBe(true);
    expect(containsTerm('I love c++ a lot', 'c++')).toBe(true);
    expect(containsTerm('héllo wörld', 'WÖRLD')).toBe(true);
    expect(containsTerm('hello', '   ')).toBe(false);
  });

  it('treats regex characters as text', () => {
    expect(containsTerm('a.b', '.*')).toBe(false);
    expect(containsTerm('price is $5 (ok)', '$5 (ok)')).toBe(true);
  });
});

describe('matchesAutoResponse', () => {
  it('phrase mode needs the whole message, with whitespace and case normalized', () => {
    expect(matchesAutoResponse('phrase', ['good morning'], '  Good   MORNING ')).toBe(true);
    expect(matchesAutoResponse('phrase', ['good morning'], 'good morning all')).toBe(false);
    expect(matchesAutoResponse('phrase', ['hi', 'hello'], 'HELLO')).toBe(true);
  });

  it('contains mode needs any one term', () => {
    expect(matchesAutoResponse('contains', ['discord', 'twitter'], 'got a Twitter?')).toBe(true);
    expect(matchesAutoResponse('contains', ['discord'], 'nothing here')).toBe(false);
  });

  it('normalizes text', () => {
    expect(normalizeText('  A\n\tB  ')).toBe('a b');
  });
});
