import { useTranslation } from 'react-i18next';
import { IconSelect } from '../ui/icon-select';
import { MonitorIcon, MoonIcon, SunIcon } from '../ui/icons';
import { isThemePreference, THEME_PREFERENCES, useTheme } from './theme.store';

export function ThemeSelect() {
  const { t } = useTranslation();
  const preference = useTheme((s) => s.preference);
  const setPreference = useTheme((s) => s.setPreference);
  return (
    <IconSelect
      label={t('theme.label')}
      icon={preference === 'dark' ? <MoonIcon /> : preference === 'light' ? <SunIcon /> : <MonitorIcon />}
      value={preference}
      options={THEME_PREFERENCES.map((option) => ({ value: option, label: t(`theme.${option}`) }))}
      onChange={(value) => {
        if (isThemePreference(value)) setPreference(value);
      }}
      testId="theme-select"
    />
  );
}
