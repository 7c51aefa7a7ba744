import type { LoadStrings } from './i18n';
import type { Language } from './language';
import type { Translation } from './locales/en';

// One chunk per language (`locale-<lang>-<hash>.js`): a page downloads the reader's strings only.
const LOCALES: Record<Language, () => Promise<Translation>> = {
  en: () => import('./locales/en').then((module) => module.en),
  fr: () => import('./locales/fr').then((module) => module.fr),
};

/** Every string of a language: the admin app's loader. */
export const everyString: LoadStrings = (language) => LOCALES[language]();
