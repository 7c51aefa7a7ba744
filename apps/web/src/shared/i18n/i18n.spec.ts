import { detectLanguage } from './language';
import { en } from './locales/en';
import { enPublic } from './locales/en/public';
import { fr } from './locales/fr';
import { frPublic } from './locales/fr/public';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') result.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) result.set(leaf, text);
  }
  return result;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
const tags = (text: string) => [...text.matchAll(/<\/?(\w+)>/g)].map((m) => m[0]).sort();

describe('locales', () => {
  const english = leaves(en);
  const french = leaves(fr);

  it('have exactly the same keys in English and French', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(100);
  });

  it('leave no string empty', () => {
    for (const [key, text] of [...english, ...french]) {
      expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
    }
  });

  it('use the same interpolation variables and markup in both languages', () => {
    for (const [key, text] of english) {
      const translated = french.get(key) ?? '';
      expect({ key, vars: placeholders(translated) }).toEqual({ key, vars: placeholders(text) });
      expect({ key, tags: tags(translated) }).toEqual({ key, tags: tags(text) });
    }
  });

  it('keep the product name', () => {
    expect(en.common.appName).toBe('Podium');
    expect(fr.common.appName).toBe('Podium');
  });
});

describe('detectLanguage', () => {
  it('prefers the saved choice', () => {
    expect(detectLanguage('fr', ['en-US'])).toBe('fr');
  });

  it('ignores a saved value it does not know', () => {
    expect(detectLanguage('de', ['fr-CA', 'en'])).toBe('fr');
  });

  it('takes the first supported browser language, by its base tag', () => {
    expect(detectLanguage(null, ['de-DE', 'FR-be', 'en'])).toBe('fr');
    expect(detectLanguage(null, ['en-GB', 'fr'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(detectLanguage(undefined, ['ja', 'de'])).toBe('en');
    expect(detectLanguage(null, [])).toBe('en');
  });
});

describe('public strings', () => {
  it('are the same part of every language', () => {
    expect([...leaves(frPublic).keys()].sort()).toEqual([...leaves(enPublic).keys()].sort());
    const english = leaves(en);
    for (const [key, text] of leaves(enPublic))
      expect({ key, text }).toEqual({ key, text: english.get(key) });
  });
});
