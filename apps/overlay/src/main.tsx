import './overlay.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OverlayApp } from './app';
import { OVERLAY_MESSAGES, pickLanguage } from './messages';
import { parseOverlayOptions, parseOverlayRoute } from './route';
import { OVERLAY_VIEW_KINDS } from './views/overlay-views';

const { pathname, search } = window.location;
const route = parseOverlayRoute(pathname, search, import.meta.env.BASE_URL, OVERLAY_VIEW_KINDS);
const language = pickLanguage(
  new URLSearchParams(search).get('lang'),
  navigator.languages ?? [navigator.language],
);
document.documentElement.lang = language;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <OverlayApp
      route={route}
      options={parseOverlayOptions(search)}
      messages={OVERLAY_MESSAGES[language]}
      language={language}
    />
  </StrictMode>,
);
