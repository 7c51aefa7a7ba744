import type { ApiErrorDto, InroomChatMessageDto } from '@podium/contracts';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { INROOM_CLIENT_ERRORS } from '../model/inroom-chat.store';
import { InroomChatPanel, type InroomChatPanelProps } from './inroom-chat-panel';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const line = (id: string, overrides: Partial<InroomChatMessageDto> = {}): InroomChatMessageDto => ({
  id,
  meetingId: 'meet1',
  displayName: 'Grace',
  text: 'hello',
  fromHost: false,
  occurredAt: '2026-11-21T12:00:00.000Z',
  ...overrides,
});

const noop = () => undefined;

function panel(overrides: Partial<InroomChatPanelProps> = {}): string {
  return renderToStaticMarkup(
    <InroomChatPanel
      messages={[]}
      draft=""
      sending={false}
      error={null}
      open
      unread={0}
      canSend
      myNickname="Ada"
      onDraft={noop}
      onToggle={noop}
      onSend={noop}
      {...overrides}
    />,
  );
}

/** The opening tag of the element with this test id, whatever its attribute order. */
const tag = (html: string, testId: string) =>
  [...html.matchAll(/<(input|button)[^>]*>/g)]
    .map((m) => m[0])
    .find((t) => t.includes(`data-testid="${testId}"`)) ?? '';

describe('InroomChatPanel', () => {
  it('shows the chat with host lines marked and the attendee’s own lines marked', () => {
    const html = panel({
      messages: [
        line('m1', { displayName: 'Host team', text: 'Welcome!', fromHost: true }),
        line('m2', { displayName: 'Ada', text: 'hi' }),
        line('m3', { displayName: 'Grace', text: '<script>x</script>' }),
      ],
    });
    expect(html).toMatch(
      /inroom-chat__line--host" data-host="true"><span class="inroom-chat__name">Host team<span class="inroom-chat__host">Host</,
    );
    expect(html).toContain('inroom-chat__line--mine');
    expect(html).toContain('(you)');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).toMatch(/role="log" aria-live="polite"/);
  });

  it('has a labelled box with the 500 character limit and a counter', () => {
    const html = panel({ draft: 'x'.repeat(480) });
    const input = tag(html, 'inroom-input');
    expect(input).toContain('maxLength="500"');
    expect(html).toMatch(/<label class="field__label" for="([^"]+)">Your message<\/label>/);
    expect(html).toContain('20 characters left');
    expect(tag(html, 'inroom-send')).not.toContain('disabled');
  });

  it('shows a refusal inline as an alert, tied to the box', () => {
    const tooFast: ApiErrorDto = { statusCode: 429, code: 'chat.rate_limited', message: 'Too many messages' };
    const html = panel({ draft: 'again', error: tooFast });
    expect(html).toMatch(
      /<p class="attendee-error" id="[^"]+" role="alert" data-testid="inroom-error">You are sending messages too quickly/,
    );
    expect(tag(html, 'inroom-input')).toContain('aria-invalid="true"');
    expect(tag(html, 'inroom-input')).toMatch(/aria-describedby="[^"]*-error"/);
    expect(panel({ error: INROOM_CLIENT_ERRORS.tooLong })).toContain('at most 500 characters');
    expect(
      panel({
        error: { statusCode: 400, code: 'chat.moderated', message: 'That word is not allowed here.' },
      }),
    ).toContain('That word is not allowed here.');
    expect(panel({ error: { statusCode: 0, code: 'client.network_unreachable', message: 'x' } })).toContain(
      'Not connected: your message was not sent.',
    );
  });

  it('says clearly when a moderator silenced the attendee, for a while or for good, or removed the line', () => {
    const silenced = (retryAfterSeconds?: number): ApiErrorDto => ({
      statusCode: 403,
      code: 'chat.silenced',
      message: 'A moderator silenced you: you can write again in 90 s',
      ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
    });
    expect(panel({ error: silenced(90) })).toContain(
      'A moderator silenced you in this chat: you can write again in 90 seconds.',
    );
    expect(panel({ error: silenced(1) })).toContain('you can write again in 1 second.');
    expect(panel({ error: silenced() })).toContain('A moderator removed you from this chat');
    expect(panel({ error: INROOM_CLIENT_ERRORS.removed })).toContain(
      'The chat&#x27;s moderation removed this message',
    );
  });

  it('cannot send while offline or with nothing written', () => {
    expect(tag(panel({ canSend: false, draft: 'hi' }), 'inroom-send')).toContain('disabled');
    expect(tag(panel({ canSend: false, draft: 'hi' }), 'inroom-input')).toContain('disabled');
    expect(tag(panel({ draft: '   ' }), 'inroom-send')).toContain('disabled');
  });

  it('collapses behind a toggle that says how many lines are new', () => {
    const html = panel({ open: false, unread: 3, messages: [line('m1')] });
    expect(tag(html, 'inroom-toggle')).toContain('aria-expanded="false"');
    expect(html).toContain('Show chat');
    expect(html).toContain('3 new messages');
    expect(html).toMatch(/class="inroom-chat__body" id="[^"]+" hidden=""/);
    const open = panel({ open: true, unread: 0 });
    expect(tag(open, 'inroom-toggle')).toContain('aria-expanded="true"');
    expect(open).not.toContain('hidden=""');
  });
});
