/** English strings for the API tokens page. */
export const apiTokens = {
  apiTokens: {
    title: 'API tokens',
    description:
      'Tokens let your own tools (Stream Deck, OBS scripts, Discord bots) call the Podium API for this workspace. Send one as "Authorization: Bearer <token>".',
    docsLink: 'API documentation',
    readOnly: 'Only moderators and owners can see this workspace’s API tokens.',
    ownerOnly: 'Only owners can create and revoke API tokens.',
    create: {
      title: 'New token',
      name: 'Name',
      nameHint: 'Where it is used, e.g. “Stream Deck”.',
      scopes: 'What it may do',
      scopesHint: 'Give a token only the scopes its tool needs.',
      expiry: 'Expires',
      expiryNever: 'Never',
      expiryDays: 'In {{count}} days',
      expiryCustom: 'On a date…',
      customDate: 'Expiry date',
      customDateRequired: 'Choose a date',
      submit: 'Create token',
      submitting: 'Creating…',
    },
    created: {
      title: 'Token created',
      body: 'Copy it now: this is the only time it is shown. Podium keeps only a fingerprint of it.',
      label: 'API token',
      example: 'Try it:',
    },
    list: {
      title: 'Tokens',
      empty: 'No API tokens yet.',
      createdAt: 'Created {{date}}',
      lastUsed: 'last used {{date}}',
      neverUsed: 'never used',
      expires: 'expires {{date}}',
      noExpiry: 'no expiry',
      revokeLabel: 'Revoke {{name}}',
    },
    status: {
      active: 'Active',
      expired: 'Expired',
      revoked: 'Revoked',
    },
    revoke: {
      title: 'Revoke “{{name}}”?',
      body: 'Tools using this token stop working at once. This cannot be undone.',
    },
    scopes: {
      meetings: {
        read: 'Read meetings, questions and results',
        write: 'Create and edit meetings and questions',
        control: 'Run live meetings (start, next, close, end)',
      },
      points: {
        read: 'Read viewers, balances and history',
        write: 'Grant and deduct points',
      },
      rewards: {
        read: 'Read rewards, goals and votes',
        write: 'Manage rewards, goals and votes',
      },
      queue: {
        read: 'Read the redemption queue',
        write: 'Fulfil, refund and reject redemptions',
      },
      chat: {
        send: 'Send chat messages',
      },
      bots: {
        write: 'Enable bots and trigger announcements',
      },
      webhooks: {
        write: 'Manage outbound webhooks',
      },
      reports: {
        read: 'Read stream and meeting reports',
      },
      export: {
        read: 'Export the workspace',
      },
    },
  },
} as const;
