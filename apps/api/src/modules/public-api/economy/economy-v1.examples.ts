import type {
  BalanceDto,
  GoalProgressDto,
  LedgerPageDto,
  RedemptionDto,
  RewardDto,
  SendChatMessageResponse,
  V1AnnouncementTriggeredDto,
  V1BotSwitchDto,
  VoteTallyDto,
} from '@podium/contracts';

/** Examples for the economy v1 operations in the OpenAPI document (typed, so they stay true). */

const WORKSPACE = '5d7c2b9e-1f0a-4c3e-8d6b-2a9e4f1c7b30';
const VIEWER = '9a4e1c2b-3d5f-4a6b-8c7d-0e1f2a3b4c5d';
const REWARD = '2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f';
const AT = '2026-11-21T20:15:00.000Z';

export const BALANCE_EXAMPLE: BalanceDto = {
  workspaceId: WORKSPACE,
  viewer: { id: VIEWER, platform: 'twitch', login: 'night_owl', displayName: 'Night_Owl' },
  balance: 1250,
  rank: 3,
  currencyName: 'points',
};

export const LEDGER_EXAMPLE: LedgerPageDto = {
  entries: [
    {
      id: '4812',
      viewerId: VIEWER,
      amount: 500,
      reason: 'adjust',
      sourceKey: null,
      actorUserId: null,
      note: 'Won the stream quiz (api token Stream Deck)',
      balanceAfter: 1250,
      createdAt: AT,
    },
  ],
  nextCursor: null,
};

export const REWARD_EXAMPLE: RewardDto = {
  id: REWARD,
  workspaceId: WORKSPACE,
  name: 'hydrate',
  type: 'list',
  price: 100,
  description: 'The streamer drinks a glass of water',
  categories: [],
  enabled: true,
  active: true,
  globalCooldownSeconds: 60,
  viewerCooldownSeconds: 0,
  maxPerStream: null,
  maxPerViewer: null,
  requiresNote: false,
  autoFulfil: false,
  eligibility: 'everyone',
  count: 4,
  createdAt: AT,
  updatedAt: AT,
};

export const REDEMPTION_EXAMPLE: RedemptionDto = {
  id: '7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b',
  workspaceId: WORKSPACE,
  reward: { id: REWARD, name: 'hydrate', type: 'list' },
  viewer: { id: VIEWER, displayName: 'Night_Owl', platform: 'twitch' },
  spent: 100,
  note: null,
  optionId: null,
  status: 'refunded',
  source: 'chat',
  createdAt: AT,
  decidedAt: '2026-11-21T20:17:30.000Z',
  decidedBy: null,
};

export const GOAL_EXAMPLE: GoalProgressDto = {
  rewardId: REWARD,
  workspaceId: WORKSPACE,
  name: 'newmic',
  target: 10000,
  progress: 6400,
  milestones: [{ at: 5000, label: 'Halfway there', reachedAt: AT }],
  contributors: 17,
  completedAt: null,
  round: 1,
  version: 42,
  enabled: true,
  updatedAt: AT,
};

export const VOTE_EXAMPLE: VoteTallyDto = {
  rewardId: REWARD,
  workspaceId: WORKSPACE,
  name: 'nextgame',
  pricePerVote: 10,
  options: [
    { id: 'tetris', label: 'Tetris', votes: 12, points: 120 },
    { id: 'doom', label: 'Doom', votes: 7, points: 70 },
  ],
  totalVotes: 19,
  voters: 9,
  closedAt: AT,
  round: 1,
  version: 2000000019,
  enabled: true,
  updatedAt: AT,
};

export const CHAT_SENT_EXAMPLE: SendChatMessageResponse = {
  queued: [
    {
      id: '0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
      connectionId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      platform: 'twitch',
      text: 'Giveaway starts in 5 minutes!',
      status: 'pending',
      detail: null,
      createdAt: AT,
      sentAt: null,
    },
  ],
};

export const BOT_SWITCH_EXAMPLE: V1BotSwitchDto = {
  kind: 'announcement',
  id: '3b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e',
  label: 'Discord reminder',
  enabled: false,
  updatedAt: AT,
};

export const TRIGGERED_EXAMPLE: V1AnnouncementTriggeredDto = {
  announcementId: '3b4c5d6e-7f8a-4b9c-8d0e-1f2a3b4c5d6e',
  text: 'Join the Discord: https://discord.gg/example',
  queued: CHAT_SENT_EXAMPLE.queued.map((line) => ({
    ...line,
    text: 'Join the Discord: https://discord.gg/example',
  })),
};
