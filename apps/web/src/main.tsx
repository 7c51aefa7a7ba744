import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { everyString } from '@/shared/i18n/every-string';
import { initI18n } from '@/shared/i18n/i18n';
import { applyTheme, themeStore } from '@/shared/theme/theme.store';

// Before the first render, so the page never paints in the wrong theme or language.
applyTheme(themeStore.getState().preference);
await initI18n(everyString);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
