import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { queryKeys } from '@/shared/api/query-keys';
import { en } from '@/shared/i18n/locales/en';
import { checkTabIds } from '../model/bots-shell.model';
import { BotsShell } from './bots-shell';
import { BOTS_TABS, type BotsTab } from './bots-shell.tabs';
import { CommandsPreview } from './commands-preview';
import { CommandsPublicList } from './commands-public-list';
import { SandboxLineView } from './sandbox-panel';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

function render(node: ReactNode, client = new QueryClient()): string {
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

const testTabs: BotsTab[] = [
  {
    id: 'one',
    label: () => 'One',
    least: 'viewer',
    render: ({ workspaceId }) => <p>panel one of {workspaceId}</p>,
  },
  {
    id: 'two',
    label: () => 'Two',
    least: 'viewer',
    render: ({ canEdit }) => <p>panel two {canEdit ? 'editable' : 'read-only'}</p>,
  },
];

describe('BotsShell', () => {
  const props = {
    workspaceId: 'w1',
    role: 'viewer' as const,
    connections: [],
    tabHref: (id: string) => `/w/w1/bots/${id}`,
    onSelect: () => undefined,
  };

  it('links every tab of the array and shows the one in the URL', () => {
    const html = render(<BotsShell {...props} tabs={testTabs} tabId="two" />);
    expect(html).toContain('href="/w/w1/bots/one"');
    expect(html).toContain('href="/w/w1/bots/two"');
    expect(html).toMatch(/<a[^>]*aria-current="page"[^>]*data-testid="bots-tab-two"/);
    expect(html).not.toMatch(/<a[^>]*aria-current="page"[^>]*data-testid="bots-tab-one"/);
    expect(html).toContain('panel two read-only');
    expect(html).not.toContain('panel one');
  });

  it('shows the first tab for /bots and an unknown tab', () => {
    expect(render(<BotsShell {...props} tabs={testTabs} tabId={undefined} />)).toContain('panel one of w1');
    expect(render(<BotsShell {...props} tabs={testTabs} tabId="gone" />)).toContain('panel one of w1');
  });

  it('has real tabs with URL-safe, unique ids, commands first', () => {
    expect(checkTabIds(BOTS_TABS)).toEqual([]);
    expect(BOTS_TABS.slice(0, 4).map((tab) => tab.id)).toEqual([
      'commands',
      'auto-responses',
      'announcements',
      'settings',
    ]);
    const html = render(<BotsShell {...props} tabId="settings" />);
    for (const label of ['Commands', 'Auto-responses', 'Announcements', 'Settings'])
      expect(html).toContain(`>${label}<`);
  });
});

describe('BotsShell for a viewer (read-only co-host)', () => {
  const props = {
    workspaceId: 'w1',
    connections: [],
    tabHref: (id: string) => `/w/w1/bots/${id}`,
    onSelect: () => undefined,
  };
  const notice = 'Only moderators and owners can see how the bots are set up.';
  /** The queries the shown tab created: a tab that is not mounted asks for nothing. */
  const queriesOf = (role: 'viewer' | 'moderator', tabId: string) => {
    const client = new QueryClient();
    const html = render(<BotsShell {...props} role={role} tabId={tabId} />, client);
    return {
      html,
      keys: client
        .getQueryCache()
        .getAll()
        .map((query) => query.queryKey.join('/')),
    };
  };

  it('shows the moderators-only notice instead of a tab the api refuses viewers, and asks for nothing', () => {
    for (const tabId of ['alerts', 'moderation', 'moderation-log', 'commands', 'settings']) {
      const { html, keys } = queriesOf('viewer', tabId);
      expect(html).toContain(notice);
      expect(keys).toEqual([]);
    }
  });

  it('still lists every tab, and shows the ones viewers may read (the media library)', () => {
    const { html, keys } = queriesOf('viewer', 'media');
    expect(html).not.toContain(notice);
    expect(html).toContain('>Moderation<');
    expect(keys).toContain('workspaces/w1/bots/media');
  });

  it('mounts the settings tabs for moderators, editable', () => {
    const moderation = queriesOf('moderator', 'moderation');
    expect(moderation.html).not.toContain(notice);
    expect(moderation.keys).toEqual(['workspaces/w1/bots/moderation']);
    expect(queriesOf('moderator', 'alerts').keys).toContain('workspaces/w1/bots/alerts/follow');
  });

  it('lets a tab declare viewers welcome, and tells the tab whether the member edits', () => {
    const tabs: BotsTab[] = [
      {
        id: 'open',
        label: () => 'Open',
        least: 'viewer',
        render: ({ canEdit }) => <p>edit {String(canEdit)}</p>,
      },
    ];
    expect(render(<BotsShell {...props} role="viewer" tabs={tabs} tabId="open" />)).toContain('edit false');
    expect(render(<BotsShell {...props} role="owner" tabs={tabs} tabId="open" />)).toContain('edit true');
  });
});

describe('CommandsPreview', () => {
  it('renders the call and each response with the sample, escaping markup', () => {
    const html = render(
      <CommandsPreview
        templates={['Hello {user}, you said {args}', '<img src=x onerror=alert(1)> #{count}', '{args.7}']}
        call={{ prefix: '!', name: 'hello', useCount: 41 }}
      />,
    );
    expect(html).toContain('!hello hello world');
    expect(html).toContain('Hello Ada, you said hello world');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; #42');
    expect(html).not.toContain('<img');
    expect(html).toContain('(nothing: this response renders empty)');
    expect(html.match(/data-testid="bot-preview-line"/g)).toHaveLength(3);
  });

  it('asks for a response when there is none', () => {
    expect(render(<CommandsPreview templates={[]} />)).toContain(
      'Type a response to see what the bot would say.',
    );
  });
});

describe('SandboxLineView', () => {
  it('shows replies as text and silences with their reason', () => {
    const reply = render(
      <SandboxLineView line={{ id: 1, kind: 'reply', source: 'command', name: 'x', text: '<b>hi</b>' }} />,
    );
    expect(reply).toContain('&lt;b&gt;hi&lt;/b&gt;');
    const cooldown = render(
      <SandboxLineView
        line={{
          id: 2,
          kind: 'silent',
          source: 'command',
          verdict: 'on_cooldown',
          name: 'hello',
          cooldownRemainingSeconds: 12,
        }}
      />,
    );
    expect(cooldown).toContain('hello is cooling down (12 s left).');
    expect(cooldown).toContain('data-verdict="on_cooldown"');
  });
});

describe('CommandsPublicList', () => {
  it('lists the commands by who may use them', () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.publicCommands('w1'), {
      prefix: '!',
      commands: [
        { name: 'lurk', aliases: [], permission: 'everyone', description: 'Lurk a while', builtin: false },
        { name: 'title', aliases: [], permission: 'moderator', description: 'Sets the title', builtin: true },
      ],
    });
    const html = render(<CommandsPublicList workspaceId="w1" />, client);
    expect(html).toMatch(/Everyone<\/h2>.*!lurk.*Moderators<\/h2>.*!title/s);
    expect(html).toContain('Built-in');
  });
});
