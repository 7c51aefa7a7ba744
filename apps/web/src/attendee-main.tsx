import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AttendeeApp } from '@/attendee-app/attendee-app';
import { initI18n } from '@/shared/i18n/i18n';
import { publicStrings } from '@/shared/i18n/public-strings';
import { applyTheme, themeStore } from '@/shared/theme/theme.store';

// The attendee's phone (attendee.html): the admin app's main.tsx, minus its router and query cache.
// Before the first render, so the page never paints in the wrong theme or language; only the public
// pages' strings (locales/<lang>/public.ts) are loaded.
applyTheme(themeStore.getState().preference);
await initI18n(publicStrings);

const container = document.getElementById('root');
if (!container) throw new Error('attendee.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <AttendeeApp />
  </StrictMode>,
);
