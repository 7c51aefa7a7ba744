import { buildBotSettingsRequest, validateBotSettingsRequest } from './bot-settings.form';

describe('the prefix form', () => {
  it('accepts any one non-space character, around spaces trimmed', () => {
    for (const prefix of ['!', ' ? ', '€', '😀']) {
      expect({ prefix, issues: validateBotSettingsRequest(buildBotSettingsRequest(prefix)) }).toEqual({
        prefix,
        issues: [],
      });
    }
    expect(buildBotSettingsRequest(' ? ')).toEqual({ prefix: '?' });
  });

  it('names the prefix field when it is empty or longer than one character', () => {
    for (const prefix of ['', '   ', '!!', 'ab']) {
      expect(validateBotSettingsRequest(buildBotSettingsRequest(prefix)).map((issue) => issue.field)).toEqual(
        ['prefix'],
      );
    }
  });
});
