import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GlobeIcon } from '../ui/icons';
import { changeLanguage } from './i18n';
import { isLanguage, LANGUAGES } from './language';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <div className="compact-select">
      <label htmlFor={id} className="sr-only">
        {t('language.label')}
      </label>
      <span className="compact-select__icon" aria-hidden="true">
        <GlobeIcon />
      </span>
      <select
        id={id}
        className="select select--compact"
        value={current}
        data-testid="language-select"
        onChange={(event) => {
          if (isLanguage(event.target.value)) changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
