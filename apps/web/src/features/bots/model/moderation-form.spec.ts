import { DEFAULT_MODERATION_SETTINGS, type ModerationSettingsDto } from '@podium/contracts';
import {
  bannedTermsOf,
  moderationDraft,
  moderationRequest,
  placeTermErrors,
  splitLines,
  toggleRole,
} from './moderation-form';

const words = {
  notANumber: 'must be a number',
  atLine: (line: number, message: string) => `Line ${line}: ${message}.`,
};

const saved: ModerationSettingsDto = {
  ...DEFAULT_MODERATION_SETTINGS,
  enabled: true,
  bannedTerms: {
    enabled: true,
    action: { type: 'timeout', seconds: 300 },
    warning: '{user}, mind your words',
    terms: [
      { kind: 'word', pattern: 'spoiler' },
      { kind: 'regex', pattern: 'fr[e3]{2}' },
      { kind: 'wildcard', pattern: 'buy*now' },
      { kind: 'word', pattern: 'bad phrase' },
    ],
  },
  links: {
    ...DEFAULT_MODERATION_SETTINGS.links,
    allowedDomains: ['example.com', 'podium.tv'],
    allowedRoles: ['vip'],
  },
  spam: { ...DEFAULT_MODERATION_SETTINGS.spam, maxEmotes: null },
};

describe('moderationRequest', () => {
  it('round-trips saved settings (terms grouped by kind, null limits kept null)', () => {
    const { checked } = moderationRequest(moderationDraft(saved), words);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.request).toEqual({
      ...saved,
      bannedTerms: {
        ...saved.bannedTerms,
        terms: [
          { kind: 'word', pattern: 'spoiler' },
          { kind: 'word', pattern: 'bad phrase' },
          { kind: 'wildcard', pattern: 'buy*now' },
          { kind: 'regex', pattern: 'fr[e3]{2}' },
        ],
      },
    });
  });

  it('reads one term, one domain a line, skipping blank lines and lower-casing domains', () => {
    const draft = moderationDraft(DEFAULT_MODERATION_SETTINGS);
    draft.bannedTerms.lines.word = '  spoiler \n\n\nbad phrase\n';
    draft.links.allowedDomains = 'Example.COM\n\n youtube.com ';
    const { checked } = moderationRequest(draft, words);
    expect(checked.ok && checked.request.bannedTerms.terms).toEqual([
      { kind: 'word', pattern: 'spoiler' },
      { kind: 'word', pattern: 'bad phrase' },
    ]);
    expect(checked.ok && checked.request.links.allowedDomains).toEqual(['example.com', 'youtube.com']);
    expect(splitLines('a\r\n\r\nb')).toEqual(['a', 'b']);
  });

  it('sends the timeout’s seconds only for a timeout, and an empty warning as null', () => {
    const draft = moderationDraft(saved);
    draft.caps.action = { type: 'timeout', seconds: '60' };
    draft.bannedTerms.warning = '   ';
    draft.links.action = { type: 'ban', seconds: '60' };
    const { checked } = moderationRequest(draft, words);
    if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
    expect(checked.request.caps.action).toEqual({ type: 'timeout', seconds: 60 });
    expect(checked.request.links.action).toEqual({ type: 'ban' });
    expect(checked.request.bannedTerms.warning).toBeNull();
  });

  it('names each bad number by its contract path; an empty spam limit means “not checked”', () => {
    const draft = moderationDraft(saved);
    draft.caps.maxPercent = '101';
    draft.caps.action = { type: 'timeout', seconds: '' };
    draft.spam.maxLength = '';
    draft.spam.maxRepeatedChars = 'x';
    const { checked } = moderationRequest(draft, words);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual([
      'caps.action.seconds',
      'caps.maxPercent',
      'spam.maxRepeatedChars',
    ]);
    expect(checked.errors['caps.action.seconds']).toBe('must be a number');
  });

  it('puts an over-long term on its textarea and line', () => {
    const draft = moderationDraft(DEFAULT_MODERATION_SETTINGS);
    draft.bannedTerms.lines.regex = 'ok\n\n' + 'a'.repeat(201);
    const { checked } = moderationRequest(draft, words);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors)).toEqual(['bannedTerms.lines.regex']);
    expect(checked.errors['bannedTerms.lines.regex']).toMatch(/^Line 3: /);
  });
});

describe('placeTermErrors (the api’s 400 for a bad regex)', () => {
  it('moves `bannedTerms.terms.<i>.pattern` to the textarea and line the term came from', () => {
    const lines = { word: 'spoiler', wildcard: '', regex: 'fine\n\n(a+)+$\n(?=x)' };
    const { terms, sources } = bannedTermsOf(lines);
    expect(terms.map((term) => term.pattern)).toEqual(['spoiler', 'fine', '(a+)+$', '(?=x)']);
    const placed = placeTermErrors(
      {
        'bannedTerms.terms.2.pattern': 'could backtrack catastrophically',
        'bannedTerms.terms.3.pattern': 'lookarounds are not supported',
        'caps.maxPercent': 'too big',
      },
      sources,
      words,
    );
    expect(placed).toEqual({
      'bannedTerms.lines.regex':
        'Line 3: could backtrack catastrophically. Line 4: lookarounds are not supported.',
      'caps.maxPercent': 'too big',
    });
  });

  it('keeps an error it cannot place (an index beyond the terms sent)', () => {
    const placed = placeTermErrors({ 'bannedTerms.terms.9.pattern': 'bad' }, [], words);
    expect(placed).toEqual({ 'bannedTerms.terms.9.pattern': 'bad' });
  });
});

describe('toggleRole', () => {
  it('adds and removes, keeping the listed order', () => {
    const order = ['broadcaster', 'moderator', 'vip', 'subscriber', 'member'] as const;
    expect(toggleRole(['vip'], 'broadcaster', true, order)).toEqual(['broadcaster', 'vip']);
    expect(toggleRole(['broadcaster', 'vip'], 'broadcaster', false, order)).toEqual(['vip']);
  });
});
