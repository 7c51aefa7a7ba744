import type { LoadStrings } from './i18n';
import type { Language } from './language';
import type { PublicTranslation } from './locales/en/public';

// One chunk per language (`locale-public-<lang>-<hash>.js`), without the dashboard's strings.
const PUBLIC_LOCALES: Record<Language, () => Promise<PublicTranslation>> = {
  en: () => import('./locales/en/public').then((module) => module.enPublic),
  fr: () => import('./locales/fr/public').then((module) => module.frPublic),
};

/** The public pages' part of a language (locales/en/public.ts): the attendee's entry's loader. */
export const publicStrings: LoadStrings = (language) => PUBLIC_LOCALES[language]();
