import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MonitorIcon, MoonIcon, SunIcon } from '../ui/icons';
import { isThemePreference, THEME_PREFERENCES, useTheme } from './theme.store';

export function ThemeSelect() {
  const { t } = useTranslation();
  const id = useId();
  const preference = useTheme((s) => s.preference);
  const setPreference = useTheme((s) => s.setPreference);
  return (
    <div className="compact-select">
      <label htmlFor={id} className="sr-only">
        {t('theme.label')}
      </label>
      <span className="compact-select__icon" aria-hidden="true">
        {preference === 'dark' ? <MoonIcon /> : preference === 'light' ? <SunIcon /> : <MonitorIcon />}
      </span>
      <select
        id={id}
        className="select select--compact"
        value={preference}
        data-testid="theme-select"
        onChange={(event) => {
          if (isThemePreference(event.target.value)) setPreference(event.target.value);
        }}
      >
        {THEME_PREFERENCES.map((option) => (
          <option key={option} value={option}>
            {t(`theme.${option}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
