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
} as const satisfies Record<string, ApiErrorDto>;

export type InroomSend = (text: string) => Promise<Ack<InroomChatMessageDto>>;

export interface InroomChatState {
  meetingId: string | null;
  /** Oldest first, one per id, at most INROOM_KEPT. */
  messages: InroomChatMessageDto[];
  draft: string;
  sending: boolean;
  /** Why the last send was refused, until the draft changes or a send succeeds. */
  error: ApiErrorDto | null;
  /** Expanded; collapsed, arriving lines are counted instead. */
  open: boolean;
  unread: number;

  reset: (meetingId: string, open: boolean) => void;
  /** `inroom.history` after each join: merged, so a reconnect repeats nothing. */
  history: (messages: readonly InroomChatMessageDto[]) => void;
  /** An `inroom.message` push (or this phone's own line from its ack). */
  received: (message: InroomChatMessageDto) => void;
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

const initial = {
  meetingId: null,
  messages: [] as InroomChatMessageDto[],
  draft: '',
  sending: false,
  error: null,
  open: false,
  unread: 0,
};

export function createInroomChatStore() {
  return createStore<InroomChatState>()((set, get) => ({
    ...initial,
    reset: (meetingId, open) => set({ ...initial, meetingId, open }),
    history: (incoming) => {
      const { meetingId, messages } = get();
      const ours = incoming.filter((message) => message.meetingId === meetingId);
      set({ messages: mergeMessages(messages, ours) });
    },
    received: (message) => {
      const { meetingId, messages, open, unread } = get();
      if (message.meetingId !== meetingId || messages.some((kept) => kept.id === message.id)) return;
      set({ messages: mergeMessages(messages, [message]), unread: open ? 0 : unread + 1 });
    },
    setDraft: (draft) => set({ draft, error: null }),
    setOpen: (open) => set(open ? { open, unread: 0 } : { open }),
    send: async (transport) => {
      const { sending, draft, meetingId } = get();
      if (sending) return;
      const text = draft.trim();
      if (text === '') return set({ error: INROOM_CLIENT_ERRORS.empty });
      if (text.length > INROOM_MESSAGE_MAX_LENGTH) return set({ error: INROOM_CLIENT_ERRORS.tooLong });
      set({ sending: true, error: null });
      const ack = await transport(text);
      // The page moved to another meeting meanwhile: this answer is not for it.
      if (get().meetingId !== meetingId) return;
      if (!ack.ok) {
        set({ sending: false, error: ack.error });
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
