import {
  type Ack,
  type ApiErrorDto,
  INROOM_MESSAGE_MAX_LENGTH,
  type InroomChatMessageDto,
} from '@podium/contracts';
import { createStore, useStore } from 'zustand';

/** The phone keeps this many recent lines; older ones are let go as the chat moves on. */
export const INROOM_KEPT = 200;

/** Refusals made up on the phone, before anything is sent. */
export const INROOM_CLIENT_ERRORS = {
  empty: { statusCode: 400, code: 'client.empty', message: 'Write a message first.' },
  tooLong: { statusCode: 400, code: 'client.too_long', message: 'This message is too long.' },
  /** Moderation hid one of this phone's own lines (moderation runs just after the line is posted). */
  removed: { statusCode: 403, code: 'client.removed', message: 'Moderation removed this message.' },
} as const satisfies Record<string, ApiErrorDto>;

export type InroomSend = (text: string) => Promise<Ack<InroomChatMessageDto>>;

export interface InroomChatState {
  meetingId: string | null;
  /** Oldest first, one per id, at most INROOM_KEPT; never a hidden one. */
  messages: InroomChatMessageDto[];
  /** Lines moderation hid: dropped, and kept out if they arrive later (history, a late push, an ack). */
  hidden: ReadonlySet<string>;
  /** Ids of the lines this phone sent (from their acks): hiding one of them tells its author. */
  own: ReadonlySet<string>;
  draft: string;
  sending: boolean;
  /** Why the last send was refused, until the draft changes (a silence: until it ends) or a send succeeds. */
  error: ApiErrorDto | null;
  /** Local time a moderator's silence ends (Infinity: for good), from the last `chat.silenced` refusal. */
  silencedUntil: number | null;
  /** Expanded; collapsed, arriving lines are counted instead. */
  open: boolean;
  unread: number;

  reset: (meetingId: string, open: boolean) => void;
  /** `inroom.history` after each join: merged, so a reconnect repeats nothing. */
  history: (messages: readonly InroomChatMessageDto[]) => void;
  /** An `inroom.message` push (or this phone's own line from its ack). */
  received: (message: InroomChatMessageDto) => void;
  /** An `inroom.hidden` push: moderation hid this line. */
  hide: (meetingId: string, messageId: string) => void;
  setDraft: (draft: string) => void;
  setOpen: (open: boolean) => void;
  /** Sends the draft once (a second tap while sending does nothing); the ack decides what shows. */
  send: (transport: InroomSend) => Promise<void>;
}

const time = (message: InroomChatMessageDto) => Date.parse(message.occurredAt) || 0;

export function mergeMessages(
  kept: readonly InroomChatMessageDto[],
  incoming: readonly InroomChatMessageDto[],
): InroomChatMessageDto[] {
  const seen = new Set(kept.map((message) => message.id));
  const added = incoming.filter((message) => {
    if (seen.has(message.id)) return false;
    seen.add(message.id);
    return true;
  });
  if (added.length === 0) return [...kept];
  return [...kept, ...added].sort((a, b) => time(a) - time(b)).slice(-INROOM_KEPT);
}

/** The server's refusal while a moderator's silence lasts: typing does not clear its notice. */
export const INROOM_SILENCED = 'chat.silenced';

const initial = {
  meetingId: null,
  messages: [] as InroomChatMessageDto[],
  hidden: new Set<string>() as ReadonlySet<string>,
  own: new Set<string>() as ReadonlySet<string>,
  silencedUntil: null,
  draft: '',
  sending: false,
  error: null,
  open: false,
  unread: 0,
};

export function createInroomChatStore() {
  return createStore<InroomChatState>()((set, get) => ({
    ...initial,
    reset: (meetingId, open) => set({ ...initial, hidden: new Set(), own: new Set(), meetingId, open }),
    history: (incoming) => {
      const { meetingId, messages, hidden } = get();
      const ours = incoming.filter((message) => message.meetingId === meetingId && !hidden.has(message.id));
      set({ messages: mergeMessages(messages, ours) });
    },
    received: (message) => {
      const { meetingId, messages, open, unread, hidden } = get();
      if (message.meetingId !== meetingId || hidden.has(message.id)) return;
      if (messages.some((kept) => kept.id === message.id)) return;
      set({ messages: mergeMessages(messages, [message]), unread: open ? 0 : unread + 1 });
    },
    hide: (meetingId, messageId) => {
      const { meetingId: current, messages, hidden, own, open, unread, error } = get();
      if (meetingId !== current || hidden.has(messageId)) return;
      const kept = messages.filter((message) => message.id !== messageId);
      // A line counted as unread while collapsed is no longer there to read (lines arrive in order,
      // so the unread ones are the newest).
      const position = messages.length - messages.findIndex((message) => message.id === messageId);
      const wasUnread = kept.length < messages.length && !open && position <= unread;
      set({
        messages: kept,
        hidden: new Set(hidden).add(messageId),
        unread: wasUnread ? unread - 1 : unread,
        // Its author learns why their line went (a silence notice, if any, says more and stays).
        error: own.has(messageId) && error?.code !== INROOM_SILENCED ? INROOM_CLIENT_ERRORS.removed : error,
      });
    },
    setDraft: (draft) =>
      set((state) => {
        const silenced = state.silencedUntil !== null && Date.now() < state.silencedUntil;
        return {
          draft,
          error: silenced ? state.error : null,
          silencedUntil: silenced ? state.silencedUntil : null,
        };
      }),
    setOpen: (open) => set(open ? { open, unread: 0 } : { open }),
    send: async (transport) => {
      const { sending, draft, meetingId } = get();
      if (sending) return;
      const text = draft.trim();
      if (text === '') return set({ error: INROOM_CLIENT_ERRORS.empty });
      if (text.length > INROOM_MESSAGE_MAX_LENGTH) return set({ error: INROOM_CLIENT_ERRORS.tooLong });
      set({ sending: true, error: null, silencedUntil: null });
      const ack = await transport(text);
      // The page moved to another meeting meanwhile: this answer is not for it.
      if (get().meetingId !== meetingId) return;
      if (!ack.ok) {
        const silence =
          ack.error.code !== INROOM_SILENCED
            ? null
            : ack.error.retryAfterSeconds === undefined
              ? Number.POSITIVE_INFINITY
              : Date.now() + ack.error.retryAfterSeconds * 1000;
        set({ sending: false, error: ack.error, silencedUntil: silence });
        return;
      }
      set((state) => ({ own: new Set(state.own).add(ack.data.id) }));
      if (get().hidden.has(ack.data.id)) {
        // Moderation removed it before the ack came back: say so, and leave the text to rework.
        set({ sending: false, error: INROOM_CLIENT_ERRORS.removed });
        return;
      }
      get().received(ack.data);
      // Only what was sent is cleared: text typed while it was on its way stays.
      set((state) => ({ sending: false, draft: state.draft === draft ? '' : state.draft }));
    },
  }));
}

export type InroomChatStore = ReturnType<typeof createInroomChatStore>;

/** The attendee page's in-room chat (one meeting open per tab); reset when a meeting opens. */
export const inroomChatStore = createInroomChatStore();

export function useInroomChat<T>(selector: (state: InroomChatState) => T): T {
  return useStore(inroomChatStore, selector);
}
