import { DEFAULT_MODERATION_SETTINGS, type ModerationSettingsDto } from '@podium/contracts';
import { firstForbiddenLink, hostAllowed, linkHosts } from './moderation-links.rules';
import { compileTerm, termProblem } from './moderation-patterns.rules';
import { capsShare, longestCharRun, mostRepeatedWord } from './moderation-spam.rules';
import {
  compileModeration,
  judgeMessage,
  moderationSettingsIssues,
  renderModerationWarning,
} from './moderation.rules';

function settings(patch: Partial<ModerationSettingsDto> = {}): ModerationSettingsDto {
  return { ...structuredClone(DEFAULT_MODERATION_SETTINGS), enabled: true, ...patch };
}

const viewer = (text: string, roles: ModerationSettingsDto['exemptRoles'] = [], emotes = 0) => ({
  text,
  roles,
  emotes,
});

describe('banned words', () => {
  const word = (pattern: string) => compileTerm({ kind: 'word', pattern });

  it('matches a whole word in any case, not inside another word', () => {
    expect(word('spam').matches('no SPAM here')).toBe(true);
    expect(word('spam').matches('spam!')).toBe(true);
    expect(word('spam').matches('spammer and antispam')).toBe(false);
  });

  it('knows word edges and case in other scripts', () => {
    expect(word('Straße').matches('die STRAßE ist frei')).toBe(true);
    expect(word('кот').matches('мой КОТ спит')).toBe(true);
    expect(word('кот').matches('котлета')).toBe(false);
  });

  it('takes a phrase with any run of spaces between its words', () => {
    expect(word('free coins').matches('get FREE    coins now')).toBe(true);
    expect(word('free coins').matches('freecoins')).toBe(false);
  });

  it('treats regex characters in a word literally', () => {
    expect(word('a.b').matches('axb')).toBe(false);
    expect(word('a.b').matches('say a.b now')).toBe(true);
  });
});

describe('wildcards', () => {
  const wildcard = (pattern: string) => compileTerm({ kind: 'wildcard', pattern });

  it('* is any run of non-space characters, ? exactly one', () => {
    expect(wildcard('free*coins').matches('FREEbiecoins')).toBe(true);
    expect(wildcard('free*coins').matches('free coins')).toBe(false);
    expect(wildcard('b?d').matches('so bad')).toBe(true);
    expect(wildcard('b?d').matches('so bread')).toBe(false);
  });
});

describe('regular expressions', () => {
  it('match on RE2, case-insensitively', () => {
    expect(compileTerm({ kind: 'regex', pattern: 'buy\\s+followers?' }).matches('BUY followers')).toBe(true);
  });

  it('refuses catastrophic patterns at save time', () => {
    expect(termProblem({ kind: 'regex', pattern: '(a+)+$' })).toBe('could backtrack catastrophically');
    expect(termProblem({ kind: 'regex', pattern: '(x|x)*y' })).toBe('could backtrack catastrophically');
    expect(termProblem({ kind: 'regex', pattern: '(\\w|\\d)+!' })).toBe('could backtrack catastrophically');
    expect(termProblem({ kind: 'regex', pattern: '(ab|cd)*e' })).toBeNull();
  });

  it('refuses what RE2 cannot run, saying why', () => {
    expect(termProblem({ kind: 'regex', pattern: '(a)\\1' })).toMatch(/RE2.*backreferences.*invalid escape/);
    expect(termProblem({ kind: 'regex', pattern: '(?=x)y' })).toMatch(/not a valid RE2/);
    expect(termProblem({ kind: 'regex', pattern: '[' })).toMatch(/missing closing/);
  });

  it('refuses patterns over 200 characters', () => {
    expect(termProblem({ kind: 'regex', pattern: 'a'.repeat(201) })).toMatch(/longer than 200/);
    expect(termProblem({ kind: 'regex', pattern: 'a'.repeat(200) })).toBeNull();
  });

  it('names the field and index of each bad term', () => {
    const bad = settings({
      bannedTerms: {
        ...DEFAULT_MODERATION_SETTINGS.bannedTerms,
        terms: [
          { kind: 'word', pattern: 'fine' },
          { kind: 'regex', pattern: '(a+)+$' },
        ],
      },
    });
    expect(moderationSettingsIssues(bad)).toEqual([
      { field: 'bannedTerms.terms.1.pattern', message: 'could backtrack catastrophically' },
    ]);
    expect(() => compileModeration(bad)).toThrow(/could backtrack/);
  });
});

describe('links', () => {
  it('finds bare domains and links with a scheme', () => {
    expect(linkHosts('see evil.com and https://WWW.Example.com/x')).toEqual(['evil.com', 'www.example.com']);
    expect(linkHosts('version 1.5 is out, e.g. now')).toEqual([]);
  });

  it('allows listed domains and their subdomains, not look-alikes', () => {
    expect(hostAllowed('clips.twitch.tv', ['twitch.tv'])).toBe(true);
    expect(hostAllowed('twitch.tv', ['https://Twitch.tv/'])).toBe(true);
    expect(hostAllowed('nottwitch.tv', ['twitch.tv'])).toBe(false);
    expect(firstForbiddenLink('twitch.tv/x then evil.com', ['twitch.tv'])).toBe('evil.com');
  });
});

describe('caps and spam measures', () => {
  it('counts cased letters only', () => {
    expect(capsShare('HELLO there 123!')).toEqual({ letters: 10, upper: 5, percent: 50 });
  });

  it('finds the longest run and the most repeated word', () => {
    expect(longestCharRun('noooOOOO way')).toEqual({ char: 'o', length: 7 });
    expect(mostRepeatedWord('go Go go team')).toEqual({ word: 'go', count: 3 });
  });
});

describe('judgeMessage', () => {
  const withTerm = settings({
    bannedTerms: {
      enabled: true,
      action: { type: 'timeout', seconds: 600 },
      warning: '{user}: no {rule}',
      terms: [{ kind: 'word', pattern: 'scam' }],
    },
  });

  it('names the rule, what matched and the action', () => {
    expect(judgeMessage(compileModeration(withTerm), viewer('total scam'))).toEqual({
      rule: 'banned_term',
      detail: 'word "scam"',
      action: { type: 'timeout', seconds: 600 },
      warning: '{user}: no {rule}',
    });
  });

  it('lets clean messages, exempt roles and disabled moderation pass', () => {
    const compiled = compileModeration(withTerm);
    expect(judgeMessage(compiled, viewer('all good'))).toBeNull();
    expect(judgeMessage(compiled, viewer('scam', ['moderator']))).toBeNull();
    expect(judgeMessage(compiled, viewer('scam', ['broadcaster']))).toBeNull();
    expect(judgeMessage(compiled, viewer('scam', ['subscriber']))).not.toBeNull();
    expect(judgeMessage(compileModeration({ ...withTerm, enabled: false }), viewer('scam'))).toBeNull();
  });

  it('filters links unless allowed by domain or role', () => {
    const links = compileModeration(
      settings({
        links: {
          enabled: true,
          action: { type: 'delete' },
          warning: null,
          allowedDomains: ['podium.example'],
          allowedRoles: ['vip'],
        },
      }),
    );
    expect(judgeMessage(links, viewer('see www.podium.example/faq'))).toBeNull();
    expect(judgeMessage(links, viewer('see evil.com'))?.detail).toBe('link to evil.com');
    expect(judgeMessage(links, viewer('see evil.com', ['vip']))).toBeNull();
  });

  it('judges caps only past the minimum length, exactly at the limit', () => {
    const caps = compileModeration(
      settings({
        caps: { enabled: true, action: { type: 'delete' }, warning: null, minLetters: 10, maxPercent: 70 },
      }),
    );
    expect(judgeMessage(caps, viewer('WHAT'))).toBeNull();
    expect(judgeMessage(caps, viewer('WHAT A GAme'))).toBeNull(); // 7 of 9 letters: too short
    expect(judgeMessage(caps, viewer('WHATAGAMEok ok ok'))).toBeNull(); // 9 of 15 = 60 %
    expect(judgeMessage(caps, viewer('WHATAGAMEISTHISok'))?.rule).toBe('caps'); // 15 of 17 = 88 %
    expect(judgeMessage(caps, viewer('ABCDEFGhij'))).toBeNull(); // exactly 70 %
  });

  it('judges spam: length, emotes, repeated characters and words', () => {
    const spam = compileModeration(
      settings({
        spam: {
          enabled: true,
          action: { type: 'delete' },
          warning: null,
          maxLength: 20,
          maxEmotes: 2,
          maxRepeatedChars: 5,
          maxRepeatedWords: 3,
        },
      }),
    );
    expect(judgeMessage(spam, viewer('a'.repeat(5)))).toBeNull();
    expect(judgeMessage(spam, viewer('x'.repeat(21)))?.detail).toBe('21 characters (at most 20)');
    expect(judgeMessage(spam, viewer('hi', [], 3))?.detail).toBe('3 emotes (at most 2)');
    expect(judgeMessage(spam, viewer('yesssssss'))?.detail).toBe('"s" 7 times in a row');
    expect(judgeMessage(spam, viewer('go go go go'))?.detail).toBe('"go" 4 times');
  });

  it('picks the harshest action when several filters object', () => {
    const both = compileModeration(
      settings({
        bannedTerms: {
          enabled: true,
          action: { type: 'delete' },
          warning: null,
          terms: [{ kind: 'word', pattern: 'scam' }],
        },
        links: {
          enabled: true,
          action: { type: 'ban' },
          warning: null,
          allowedDomains: [],
          allowedRoles: [],
        },
      }),
    );
    expect(judgeMessage(both, viewer('scam at evil.com'))).toMatchObject({
      rule: 'link',
      action: { type: 'ban' },
    });
  });

  it('renders the warning', () => {
    expect(renderModerationWarning('{user}, no {rule} {x}', { user: 'Ann', rule: 'link' })).toBe(
      'Ann, no links {x}',
    );
  });
});
