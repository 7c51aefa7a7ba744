import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStorage, writeStorage } from '../storage';
import { detectLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './language';
import type { en, Translation } from './locales/en';
import type { PublicTranslation } from './locales/en/public';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/**
 * How a page gets a language's strings: every string (the admin app, see `everyString`) or only
 * the public pages' part (the attendee's own entry, see `publicStrings`). Each is one chunk per
 * language, so a page downloads the reader's strings only, and a build holds only the loader it uses.
 */
export type LoadStrings = (language: Language) => Promise<Translation | PublicTranslation>;

let loadStrings: LoadStrings | null = null;

/** Loads the reader's language, then initialises synchronously from it: no flash of keys. */
export async function initI18n(load: LoadStrings): Promise<typeof i18next> {
  loadStrings = load;
  const language = detectLanguage(
    readStorage(LANGUAGE_STORAGE_KEY),
    navigator.languages ?? [navigator.language],
  );
  const translation = await load(language);
  void i18next.use(initReactI18next).init({
    resources: { [language]: { translation } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes what it renders.
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (next) => {
    document.documentElement.lang = next;
  });
  return i18next;
}

export function changeLanguage(language: Language): void {
  writeStorage(LANGUAGE_STORAGE_KEY, language);
  void (async () => {
    if (loadStrings && !i18next.hasResourceBundle(language, 'translation')) {
      i18next.addResourceBundle(language, 'translation', await loadStrings(language), true, true);
    }
    await i18next.changeLanguage(language);
  })();
}

/** Dates as the reader writes them, in the current language. */
export function formatDate(iso: string, language: string, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
