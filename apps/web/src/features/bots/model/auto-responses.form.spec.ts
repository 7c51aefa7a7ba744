import { newAutoResponse } from '../test/bots-shell.factory';
import {
  autoResponseFormValues,
  buildAutoResponseRequest,
  sampleMatches,
  validateAutoResponseRequest,
} from './auto-responses.form';

describe('the auto-response form', () => {
  it('starts with the api defaults (30 s between answers) and round-trips a saved one', () => {
    expect(buildAutoResponseRequest(autoResponseFormValues(null))).toMatchObject({
      matchMode: 'contains',
      globalCooldownSeconds: 30,
      userCooldownSeconds: 0,
      enabled: true,
    });
    const saved = newAutoResponse({
      matchMode: 'phrase',
      terms: ['good night', 'gn'],
      platforms: ['owncast'],
    });
    expect(buildAutoResponseRequest(autoResponseFormValues(saved))).toEqual({
      matchMode: 'phrase',
      terms: ['good night', 'gn'],
      responses: saved.responses,
      globalCooldownSeconds: 30,
      userCooldownSeconds: 0,
      platforms: ['owncast'],
      enabled: true,
    });
  });

  it('names the terms field when none is given, and a long term by its line', () => {
    const values = { ...autoResponseFormValues(null), responses: 'hi' };
    expect(validateAutoResponseRequest(buildAutoResponseRequest(values))).toEqual([
      { field: 'terms', message: 'needs at least one term' },
    ]);
    const long = validateAutoResponseRequest(
      buildAutoResponseRequest({ ...values, terms: `ok\n${'t'.repeat(101)}` }),
    );
    expect(long.map((issue) => issue.field)).toEqual(['terms.1']);
  });

  it('tells whether a sample message triggers it, matching as the bot does', () => {
    const contains = { ...autoResponseFormValues(null), terms: 'discord' };
    expect(sampleMatches(contains, 'Is there a Discord?')).toBe(true);
    expect(sampleMatches(contains, 'discordant notes')).toBe(false);
    const phrase = { ...contains, matchMode: 'phrase' as const, terms: 'good night' };
    expect(sampleMatches(phrase, '  Good   NIGHT ')).toBe(true);
    expect(sampleMatches(phrase, 'good night all')).toBe(false);
  });
});
