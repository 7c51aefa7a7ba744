import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStorage, writeStorage } from '../storage';
import { detectLanguage, isLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './language';
import type { en, Translation } from './locales/en';
import type { PublicTranslation } from './locales/en/public';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

// One chunk per language: a page downloads the reader's strings only, not every locale's.
const LOCALES: Record<Language, () => Promise<Translation>> = {
  en: () => import('./locales/en').then((module) => module.en),
  fr: () => import('./locales/fr').then((module) => module.fr),
};

// The public pages' part of each language (see locales/en/public.ts).
const PUBLIC_LOCALES: Record<Language, () => Promise<PublicTranslation>> = {
  en: () => import('./locales/en/public').then((module) => module.enPublic),
  fr: () => import('./locales/fr/public').then((module) => module.frPublic),
};

/** Whether every page's strings are wanted: false while only public pages have been shown. */
let everyString = true;
/** Languages whose every string is loaded. */
const complete = new Set<Language>();

function stringsOf(language: Language): Promise<Translation | PublicTranslation> {
  return everyString ? LOCALES[language]() : PUBLIC_LOCALES[language]();
}

/**
 * Loads the reader's language, then initialises synchronously from it: no flash of keys. With
 * `publicPage`, only the public pages' strings (the rest waits for `loadEveryString`).
 */
export async function initI18n(publicPage = false): Promise<typeof i18next> {
  const language = detectLanguage(
    readStorage(LANGUAGE_STORAGE_KEY),
    navigator.languages ?? [navigator.language],
  );
  everyString = !publicPage;
  const translation = await stringsOf(language);
  if (everyString) complete.add(language);
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

/** Every string of the current language, before a page other than the public ones renders. */
export async function loadEveryString(): Promise<void> {
  everyString = true;
  const language = i18next.resolvedLanguage;
  if (!isLanguage(language) || complete.has(language)) return;
  i18next.addResourceBundle(language, 'translation', await LOCALES[language](), true, true);
  complete.add(language);
}

export function changeLanguage(language: Language): void {
  writeStorage(LANGUAGE_STORAGE_KEY, language);
  void (async () => {
    if (!i18next.hasResourceBundle(language, 'translation') || (everyString && !complete.has(language))) {
      i18next.addResourceBundle(language, 'translation', await stringsOf(language), true, true);
      if (everyString) complete.add(language);
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
