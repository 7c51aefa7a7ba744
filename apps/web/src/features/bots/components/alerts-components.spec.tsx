import {
  DEFAULT_MODERATION_SETTINGS,
  EVENT_ALERT_KINDS,
  type MediaDto,
  type RevolutionBotDto,
  type RevolutionProgressDto,
} from '@podium/contracts';
import { defaultEventAlertConfig } from '@podium/bots';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { eventAlertQueryKey } from '../api/alerts.api';
import { mediaQueryKey } from '../api/media.api';
import { moderationQueryKey } from '../api/moderation.api';
import { revolutionsQueryKey } from '../api/revolutions.api';
import { AlertsTab } from './alerts-panel';
import { MediaTab } from './media-panel';
import { MediaPicker } from './media-picker';
import { ModerationTab } from './moderation-panel';
import { RevolutionsTab } from './revolutions-panel';
import { MediaPreview } from './media-preview';
import { actionText } from './moderation-log-panel';
import { RevolutionProgressBar } from './revolutions-progress';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const render = (node: ReactNode) => renderToStaticMarkup(<>{node}</>);
const NOW = Date.parse('2026-11-21T12:00:00.000Z');

const media = (id: string, kind: MediaDto['kind'], name = `${id}.bin`): MediaDto => ({
  id,
  name,
  contentType: kind === 'audio' ? 'audio/ogg' : kind === 'video' ? 'video/webm' : 'image/gif',
  kind,
  size: 1,
  createdAt: '2026-11-21T12:00:00.000Z',
  url: `/api/media/${id}`,
});

const progress: RevolutionProgressDto = {
  revolutionId: 'r1',
  workspaceId: 'w1',
  name: 'Uprising',
  trigger: '!revolution',
  count: 12,
  threshold: 30,
  windowSeconds: 60,
  cooldownUntil: null,
  firedAt: null,
  showOnOverlay: true,
  at: '2026-11-21T12:00:00.000Z',
};

describe('RevolutionProgressBar', () => {
  it('shows count of threshold and the percentage', () => {
    const html = render(<RevolutionProgressBar progress={progress} now={NOW} />);
    expect(html).toContain('<progress');
    expect(html).toContain('max="30"');
    expect(html).toContain('value="12"');
    expect(html).toContain('12 / 30 (40 %)');
  });

  it('shows the cooldown instead of a bar after a fire', () => {
    const html = render(
      <RevolutionProgressBar
        progress={{ ...progress, cooldownUntil: '2026-11-21T12:00:42.000Z' }}
        now={NOW}
      />,
    );
    expect(html).not.toContain('<progress');
    expect(html).toContain('Ready again in 42 s');
  });
});

describe('media', () => {
  it('previews each kind with the matching element from the public URL', () => {
    expect(render(<MediaPreview media={media('a', 'image')} />)).toMatch(/<img[^>]+src="\/api\/media\/a"/);
    expect(render(<MediaPreview media={media('v', 'video')} />)).toMatch(
      /<video[^>]+src="\/api\/media\/v"[^>]*muted/,
    );
    expect(render(<MediaPreview media={media('s', 'audio')} />)).toMatch(/<audio[^>]+src="\/api\/media\/s"/);
  });

  it('escapes a file name (text is data)', () => {
    expect(render(<MediaPreview media={media('x', 'image', '"><script>alert(1)</script>')} />)).not.toContain(
      '<script>',
    );
  });

  it('offers only sounds in a sound picker, and keeps a deleted choice visible', () => {
    const library = [media('a', 'image'), media('s', 'audio', 'airhorn.ogg')];
    const html = render(
      <MediaPicker label="Sound" slot="sound" media={library} value="gone" onChange={() => undefined} />,
    );
    expect(html).toContain('airhorn.ogg');
    expect(html).not.toContain('a.bin');
    expect(html).toContain('(deleted file)');
  });
});

describe('actionText', () => {
  it('words each action, with the timeout’s length', () => {
    const t = i18next.t.bind(i18next);
    expect(actionText(t, { type: 'delete' })).toBe('Deleted');
    expect(actionText(t, { type: 'timeout', seconds: 600 })).toBe('Timed out 600 s');
    expect(actionText(t, { type: 'ban' })).toBe('Banned');
  });
});

describe('the tabs, rendered from cached data', () => {
  const tab = (node: ReactNode, seed: (client: QueryClient) => void) => {
    const client = new QueryClient();
    seed(client);
    return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
  };
  const props = { workspaceId: 'w1', connections: [] };

  it('alerts: one form per event kind, with its preview and a test button for editors', () => {
    const html = tab(<AlertsTab {...props} canEdit />, (client) => {
      client.setQueryData(mediaQueryKey('w1'), []);
      for (const kind of EVENT_ALERT_KINDS) {
        client.setQueryData(eventAlertQueryKey('w1', kind), {
          kind,
          ...defaultEventAlertConfig(kind),
          customized: false,
        });
      }
    });
    for (const kind of EVENT_ALERT_KINDS) {
      expect(html).toContain(`data-testid="alert-form-${kind}"`);
      expect(html).toContain(`data-testid="alert-test-${kind}"`);
    }
    expect(html).toContain('TestViewer raids with 42!');
    // Minimums only where an amount exists.
    expect(html.match(/name="minAmount"/g)).toHaveLength(4);
  });

  it('alerts: read-only co-hosts get no save or test buttons', () => {
    const html = tab(<AlertsTab {...props} canEdit={false} />, (client) => {
      client.setQueryData(eventAlertQueryKey('w1', 'follow'), {
        kind: 'follow',
        ...defaultEventAlertConfig('follow'),
        customized: true,
      });
    });
    expect(html).toContain('data-testid="alert-form-follow"');
    expect(html).not.toContain('alert-test-follow');
    expect(html).not.toContain('alert-save-follow');
  });

  it('moderation: a textarea per term kind, the filters and the save button', () => {
    const html = tab(<ModerationTab {...props} canEdit />, (client) =>
      client.setQueryData(moderationQueryKey('w1'), {
        ...DEFAULT_MODERATION_SETTINGS,
        bannedTerms: {
          ...DEFAULT_MODERATION_SETTINGS.bannedTerms,
          terms: [{ kind: 'regex', pattern: 'fr[e3]e' }],
        },
      }),
    );
    for (const kind of ['word', 'wildcard', 'regex'])
      expect(html).toContain(`data-testid="moderation-terms-${kind}"`);
    expect(html).toMatch(/data-testid="moderation-terms-regex"[^>]*>fr\[e3\]e</);
    for (const part of ['bannedTerms', 'links', 'caps', 'spam'])
      expect(html).toContain(`data-testid="moderation-${part}"`);
    expect(html).toContain('data-testid="moderation-save"');
  });

  it('revolutions and media: the lists', () => {
    const bot: RevolutionBotDto = {
      id: 'r1',
      workspaceId: 'w1',
      name: 'Uprising',
      trigger: '!revolution',
      threshold: 30,
      windowSeconds: 60,
      cooldownSeconds: 300,
      message: 'Up!',
      mediaId: null,
      soundMediaId: null,
      alertDurationMs: 8000,
      enabled: true,
      showOnOverlay: true,
      createdAt: '2026-11-21T12:00:00.000Z',
      updatedAt: '2026-11-21T12:00:00.000Z',
    };
    const revolutions = tab(<RevolutionsTab {...props} canEdit />, (client) =>
      client.setQueryData(revolutionsQueryKey('w1'), [bot]),
    );
    expect(revolutions).toContain('Uprising');
    expect(revolutions).toContain('data-testid="revolution-new"');
    expect(revolutions).toContain('30 viewers within 60 s');
    const library = tab(<MediaTab {...props} canEdit />, (client) =>
      client.setQueryData(mediaQueryKey('w1'), [media('a', 'image', 'party.gif')]),
    );
    expect(library).toContain('data-testid="media-upload-form"');
    expect(library).toContain('party.gif');
  });
});
