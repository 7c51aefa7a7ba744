import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { readStorage, writeStorage } from '../storage';
import { detectLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './language';
import { en } from './locales/en';
import { fr } from './locales/fr';

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** Bundled resources, synchronous init: no HTTP backend, no flash of keys. */
export function initI18n(): typeof i18next {
  const language = detectLanguage(
    readStorage(LANGUAGE_STORAGE_KEY),
    navigator.languages ?? [navigator.language],
  );
  void i18next.use(initReactI18next).init({
    resources,
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
  void i18next.changeLanguage(language);
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
