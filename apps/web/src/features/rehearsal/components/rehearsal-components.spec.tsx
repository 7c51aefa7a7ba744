import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { BurstControl, StreamToggle } from './stream-and-burst';
import { ViewerControls } from './viewer-controls';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const render = (node: ReactNode) =>
  renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

describe('rehearsal controls', () => {
  it('offers every viewer role and every quick event', () => {
    const html = render(<ViewerControls workspaceId="w1" />);
    for (const role of ['broadcaster', 'moderator', 'vip', 'subscriber', 'member']) {
      expect(html).toContain(`data-testid="rehearsal-role-${role}"`);
    }
    for (const kind of ['follow', 'subscription', 'gift', 'cheer', 'raid', 'donation']) {
      expect(html).toContain(`data-testid="rehearsal-event-${kind}"`);
    }
    expect(html).toContain('value="Ada"');
  });

  it('shows the simulated stream as offline with a "go live" switch, and live with "end stream"', () => {
    const offline = render(<StreamToggle workspaceId="w1" status={{ connectionId: 'c1', live: false }} />);
    expect(offline).toContain('data-live="false"');
    expect(offline).toContain('Offline');
    expect(offline).toContain('Go live');
    const live = render(<StreamToggle workspaceId="w1" status={{ connectionId: 'c1', live: true }} />);
    expect(live).toContain('data-live="true"');
    expect(live).toContain('End stream');
  });

  it('starts the burst at 30 viewers of !revolution, capped at 200', () => {
    const html = render(<BurstControl workspaceId="w1" />);
    expect(html).toContain('value="!revolution"');
    expect(html).toMatch(/max="200"[^>]*value="30"|value="30"[^>]*max="200"/);
  });
});
