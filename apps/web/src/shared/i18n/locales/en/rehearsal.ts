/** English strings for rehearsal mode, the built-in chat simulator. */
export const rehearsal = {
  rehearsal: {
    title: 'Rehearsal',
    description:
      'Try bots, alerts, questions and points with fake viewers before going live. What you inject goes through the same rules as a real platform and shows as “Rehearsal” in the chat log.',
    readOnly: 'Only moderators and owners can rehearse.',
    loadError: 'Rehearsal mode could not be opened: {{message}}',
    viewer: {
      title: 'Fake viewer',
      name: 'Name',
      nameHint: 'The same name is always the same viewer.',
      roles: 'Roles',
    },
    message: {
      label: 'Message',
      hint: 'Type a command like !help, or anything a viewer would say.',
      send: 'Send',
    },
    events: {
      title: 'Events from this viewer',
      follow: 'Follow',
      subscription: 'Subscribe',
      gift: 'Gift subs',
      cheer: 'Cheer',
      raid: 'Raid',
      donation: 'Donate',
    },
    amounts: {
      bits: 'Bits',
      amount: 'Amount',
      currency: 'Currency',
      giftCount: 'Subs gifted',
      raidViewers: 'Raiders',
      months: 'Months',
      tier: 'Tier',
    },
    stream: {
      title: 'Simulated stream',
      live: 'Live',
      offline: 'Offline',
      goLive: 'Go live',
      goOffline: 'End stream',
    },
    burst: {
      title: 'Burst of a command',
      hint: 'The same line from many distinct fake viewers (viewer1, viewer2…), to try a revolution bot.',
      text: 'Command',
      viewers: 'Viewers',
      spread: 'Spread over (seconds)',
      send: 'Send burst',
    },
    recorded_one: '{{count}} event recorded.',
    recorded_other: '{{count}} events recorded.',
  },
} as const;
