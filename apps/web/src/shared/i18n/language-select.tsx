import { useTranslation } from 'react-i18next';
import { IconSelect } from '../ui/icon-select';
import { GlobeIcon } from '../ui/icons';
import { changeLanguage } from './i18n';
import { isLanguage, LANGUAGES } from './language';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  const current = isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
  return (
    <IconSelect
      label={t('language.label')}
      icon={<GlobeIcon />}
      value={current}
      options={LANGUAGES.map((language) => ({
        value: language,
        label: t(`language.${language}`),
        lang: language,
      }))}
      onChange={(value) => {
        if (isLanguage(value)) changeLanguage(value);
      }}
      testId="language-select"
    />
  );
}
