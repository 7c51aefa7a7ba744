import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { BotOverlayKinds } from './bot-overlay-kinds';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

describe('BotOverlayKinds', () => {
  it('lists the alerts and revolution overlay URLs of the token with their recommended sizes', () => {
    const html = renderToStaticMarkup(<BotOverlayKinds origin="https://podium.example" token="tok+1" />);
    expect(html).toContain('https://podium.example/overlay/alerts?token=tok%2B1');
    expect(html).toContain('https://podium.example/overlay/revolution?token=tok%2B1');
    expect(html).toContain('1920 × 1080');
    expect(html).toContain('800 × 120');
  });
});
