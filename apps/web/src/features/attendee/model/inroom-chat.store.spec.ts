import {
  type Ack,
  type ApiErrorDto,
  INROOM_MESSAGE_MAX_LENGTH,
  type InroomChatMessageDto,
} from '@podium/contracts';
import { createInroomChatStore, INROOM_KEPT, mergeMessages } from './inroom-chat.store';

const message = (n: number, overrides: Partial<InroomChatMessageDto> = {}): InroomChatMessageDto => ({
  id: `m${n}`,
  meetingId: 'meet1',
  displayName: 'Grace',
  text: `line ${n}`,
  fromHost: false,
  occurredAt: new Date(Date.UTC(2026, 10, 21, 12, 0, n)).toISOString(),
  ...overrides,
});

function setup(open = true) {
  const store = createInroomChatStore();
  store.getState().reset('meet1', open);
  const sent: string[] = [];
  let answer: (ack: Ack<InroomChatMessageDto>) => void = () => undefined;
  const transport = (text: string) => {
    sent.push(text);
    return new Promise<Ack<InroomChatMessageDto>>((resolve) => {
      answer = resolve;
    });
  };
  return { store, sent, transport, answer: (ack: Ack<InroomChatMessageDto>) => answer(ack) };
}

describe('in-room chat store', () => {
  it('sends the trimmed draft once, then shows the line and clears the box', async () => {
    const { store, sent, transport, answer } = setup();
    store.getState().setDraft('  hello room  ');
    const sending = store.getState().send(transport);
    void store.getState().send(transport);
    expect(sent).toEqual(['hello room']);
    expect(store.getState().sending).toBe(true);
    answer({ ok: true, data: message(1, { text: 'hello room', displayName: 'Ada' }) });
    await sending;
    expect(store.getState()).toMatchObject({ sending: false, draft: '', error: null });
    expect(store.getState().messages.map((m) => m.text)).toEqual(['hello room']);
    // The push of the same line arrives after the ack: it is not shown twice.
    store.getState().received(message(1, { text: 'hello room', displayName: 'Ada' }));
    expect(store.getState().messages).toHaveLength(1);
  });

  it('keeps the draft and shows the refusal when the server says no', async () => {
    const { store, transport, answer } = setup();
    store.getState().setDraft('spam spam');
    const sending = store.getState().send(transport);
    const tooFast: ApiErrorDto = { statusCode: 429, code: 'chat.rate_limited', message: 'Slow down.' };
    answer({ ok: false, error: tooFast });
    await sending;
    expect(store.getState()).toMatchObject({ sending: false, draft: 'spam spam', error: tooFast });
    expect(store.getState().messages).toEqual([]);
    // Editing the draft clears the error.
    store.getState().setDraft('spam');
    expect(store.getState().error).toBeNull();
  });

  it('refuses an empty or too long message without sending it', async () => {
    const { store, sent, transport } = setup();
    store.getState().setDraft('   ');
    await store.getState().send(transport);
    expect(store.getState().error?.code).toBe('client.empty');
    store.getState().setDraft('x'.repeat(INROOM_MESSAGE_MAX_LENGTH + 1));
    await store.getState().send(transport);
    expect(store.getState().error?.code).toBe('client.too_long');
    expect(sent).toEqual([]);
  });

  it('keeps text typed while the message was on its way', async () => {
    const { store, transport, answer } = setup();
    store.getState().setDraft('first');
    const sending = store.getState().send(transport);
    store.getState().setDraft('second');
    answer({ ok: true, data: message(1, { text: 'first' }) });
    await sending;
    expect(store.getState().draft).toBe('second');
  });

  it('merges history after each join without repeating lines, and ignores other meetings', () => {
    const { store } = setup();
    store.getState().history([message(1), message(2)]);
    store.getState().received(message(3));
    store.getState().history([message(2), message(3), message(4), message(9, { meetingId: 'other' })]);
    store.getState().received(message(5, { meetingId: 'other' }));
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
  });

  it('counts lines that arrive while collapsed, and clears the count when opened', () => {
    const { store } = setup(false);
    store.getState().received(message(1));
    store.getState().received(message(2, { fromHost: true }));
    store.getState().received(message(2, { fromHost: true }));
    expect(store.getState().unread).toBe(2);
    store.getState().setOpen(true);
    expect(store.getState().unread).toBe(0);
    store.getState().received(message(3));
    expect(store.getState().unread).toBe(0);
  });

  it('drops a line moderation hid, and keeps it out when it arrives again later', () => {
    const { store } = setup();
    store.getState().history([message(1), message(2), message(3)]);
    store.getState().hide('meet1', 'm2');
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm3']);
    // A reconnect's history, or a push that lost the race with the hide, does not bring it back.
    store.getState().history([message(1), message(2), message(3)]);
    store.getState().received(message(2));
    // The hide may even come first: the line never shows.
    store.getState().hide('meet1', 'm4');
    store.getState().received(message(4));
    // Another meeting's hide touches nothing here.
    store.getState().hide('other', 'm1');
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm3']);
  });

  it('uncounts a hidden line that was waiting unread while collapsed', () => {
    const { store } = setup(false);
    store.getState().history([message(1)]);
    store.getState().received(message(2));
    store.getState().received(message(3));
    expect(store.getState().unread).toBe(2);
    store.getState().hide('meet1', 'm1');
    expect(store.getState().unread).toBe(2);
    store.getState().hide('meet1', 'm3');
    expect(store.getState().unread).toBe(1);
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m2']);
  });

  it('tells the author when moderation hid their own line before the ack came back', async () => {
    const { store, transport, answer } = setup();
    store.getState().setDraft('what a scam');
    const sending = store.getState().send(transport);
    // The hide is pushed during the send, before its ack.
    store.getState().hide('meet1', 'm1');
    answer({ ok: true, data: message(1, { text: 'what a scam' }) });
    await sending;
    expect(store.getState()).toMatchObject({ sending: false, draft: 'what a scam' });
    expect(store.getState().error?.code).toBe('client.removed');
    expect(store.getState().messages).toEqual([]);
  });

  it('tells the author when moderation hides their line after it showed', async () => {
    const { store, transport, answer } = setup();
    store.getState().received(message(1));
    store.getState().setDraft('what a scam');
    const sending = store.getState().send(transport);
    answer({ ok: true, data: message(2, { text: 'what a scam' }) });
    await sending;
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(store.getState().error).toBeNull();
    // Someone else's line hidden: nothing to tell this phone.
    store.getState().hide('meet1', 'm1');
    expect(store.getState().error).toBeNull();
    store.getState().hide('meet1', 'm2');
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().error?.code).toBe('client.removed');
  });

  it('keeps the silence notice while typing until the silence ends', async () => {
    jest.useFakeTimers({ now: Date.UTC(2026, 10, 21, 12, 0, 0) });
    try {
      const { store, transport, answer } = setup();
      store.getState().setDraft('sorry');
      const sending = store.getState().send(transport);
      const silenced: ApiErrorDto = {
        statusCode: 403,
        code: 'chat.silenced',
        message: 'A moderator silenced you: you can write again in 30 s',
        retryAfterSeconds: 30,
      };
      answer({ ok: false, error: silenced });
      await sending;
      store.getState().setDraft('sorry!');
      expect(store.getState().error).toEqual(silenced);
      jest.advanceTimersByTime(30_000);
      store.getState().setDraft('sorry!!');
      expect(store.getState().error).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it('keeps the notice of a silence for good', async () => {
    const { store, transport, answer } = setup();
    store.getState().setDraft('hello?');
    const sending = store.getState().send(transport);
    const banned: ApiErrorDto = { statusCode: 403, code: 'chat.silenced', message: 'removed' };
    answer({ ok: false, error: banned });
    await sending;
    store.getState().setDraft('hello??');
    expect(store.getState().error).toEqual(banned);
  });

  it('keeps only the most recent lines', () => {
    const many = Array.from({ length: INROOM_KEPT + 20 }, (_, i) => message(i));
    const kept = mergeMessages([], many);
    expect(kept).toHaveLength(INROOM_KEPT);
    expect(kept[0]?.id).toBe('m20');
  });
});
