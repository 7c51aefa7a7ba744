/** Every react-query key the web app uses, so invalidation (socket events, mutations) finds them. */
export const queryKeys = {
  setupStatus: ['setup'] as const,
  me: ['me'] as const,
  health: ['health'] as const,
  workspaces: ['workspaces'] as const,
  workspace: (workspaceId: string) => ['workspaces', workspaceId] as const,
  members: (workspaceId: string) => ['workspaces', workspaceId, 'members'] as const,
  invites: (workspaceId: string) => ['workspaces', workspaceId, 'invites'] as const,
  overlayTokens: (workspaceId: string) => ['workspaces', workspaceId, 'overlay-tokens'] as const,
  invitePreview: (token: string) => ['invite-preview', token] as const,
  meetings: (workspaceId: string) => ['workspaces', workspaceId, 'meetings'] as const,
  /** By meeting id alone, so a `meeting.changed` push (which names no workspace) can find it. */
  meeting: (meetingId: string) => ['meetings', meetingId] as const,
  flags: (workspaceId: string) => ['workspaces', workspaceId, 'flags'] as const,
  connections: (workspaceId: string) => ['workspaces', workspaceId, 'connections'] as const,
  /** Every search of the workspace's viewers sits under this prefix (a merge refreshes them all). */
  viewers: (workspaceId: string) => ['workspaces', workspaceId, 'viewers'] as const,
  /** Everything of the Bots page sits under this prefix (each tab adds its own segment). */
  bots: (workspaceId: string) => ['workspaces', workspaceId, 'bots'] as const,
  /** Everything of the Points page (settings, balances, histories, leaderboard, Ko-fi links). */
  points: (workspaceId: string) => ['workspaces', workspaceId, 'points'] as const,
  /** Everything of the Rewards page (rewards, categories, queue, goals, votes). */
  rewards: (workspaceId: string) => ['workspaces', workspaceId, 'rewards'] as const,
  /** The workspace's rehearsal connection and whether its simulated stream is live. */
  rehearsal: (workspaceId: string) => ['workspaces', workspaceId, 'rehearsal'] as const,
  /** The public commands page (no sign-in). */
  publicCommands: (workspaceId: string) => ['public-commands', workspaceId] as const,
};

export type QueryKey = readonly unknown[];
