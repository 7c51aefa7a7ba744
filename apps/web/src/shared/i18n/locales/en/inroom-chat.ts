/** English strings for the in-room chat: a file of its own, as the attendee's pages load it (public.ts). */
export const inroomChat = {
  inroomChat: {
    title: 'Chat',
    show: 'Show chat',
    hide: 'Hide chat',
    unread_one: '{{count}} new message',
    unread_other: '{{count}} new messages',
    empty: 'No messages yet. Say hello!',
    messagesLabel: 'Chat messages',
    host: 'Host',
    you: 'you',
    label: 'Your message',
    charactersLeft_one: '{{count}} character left',
    charactersLeft_other: '{{count}} characters left',
    send: 'Send',
    errors: {
      offline: 'Not connected: your message was not sent. It will work again once you are back online.',
      tooFast: 'You are sending messages too quickly. Wait a moment and try again.',
      tooLong: 'This message is too long: at most {{max}} characters.',
      empty: 'Write a message first.',
      refused: "The host's filters refused this message.",
      removed: "The chat's moderation removed this message for everyone.",
      silenced_one: 'A moderator silenced you in this chat: you can write again in {{count}} second.',
      silenced_other: 'A moderator silenced you in this chat: you can write again in {{count}} seconds.',
      silencedForGood: 'A moderator removed you from this chat: you can no longer write here.',
    },
  },
} as const;
