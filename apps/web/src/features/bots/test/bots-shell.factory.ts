import type {
  AnnouncementDto,
  AutoResponseDto,
  BotCommandDto,
  BotSandboxOutcomeDto,
  ConnectionDto,
} from '@podium/contracts';

const WORKSPACE = '11111111-1111-4111-8111-111111111111';
const AT = '2026-11-21T10:00:00.000Z';

export function newCommand(overrides: Partial<BotCommandDto> = {}): BotCommandDto {
  return {
    id: 'c1',
    workspaceId: WORKSPACE,
    name: 'hello',
    aliases: ['hi'],
    responses: ['Hello {user}!'],
    permission: 'everyone',
    globalCooldownSeconds: 10,
    userCooldownSeconds: 30,
    platforms: [],
    enabled: true,
    useCount: 4,
    obsAction: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function newAutoResponse(overrides: Partial<AutoResponseDto> = {}): AutoResponseDto {
  return {
    id: 'a1',
    workspaceId: WORKSPACE,
    matchMode: 'contains',
    terms: ['discord'],
    responses: ['Join us: https://discord.example'],
    globalCooldownSeconds: 30,
    userCooldownSeconds: 0,
    platforms: [],
    enabled: true,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function newAnnouncement(overrides: Partial<AnnouncementDto> = {}): AnnouncementDto {
  return {
    id: 'n1',
    workspaceId: WORKSPACE,
    name: 'Socials',
    messages: ['Follow us!', 'Join the Discord!'],
    nextMessageIndex: 0,
    intervalMinutes: 15,
    liveOnly: true,
    minChatMessages: 5,
    connectionIds: [],
    enabled: true,
    lastPostedAt: null,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
}

export function newConnection(overrides: Partial<ConnectionDto> = {}): ConnectionDto {
  return {
    id: '22222222-2222-4222-8222-222222222222',
    workspaceId: WORKSPACE,
    platform: 'twitch',
    status: 'connected',
    statusDetail: null,
    accountName: 'ada_streams',
    botAccountName: null,
    tokenExpiresAt: null,
    transport: 'webhook',
    subscriptions: [],
    quota: null,
    webhookUrl: null,
    lastEventAt: null,
    createdAt: AT,
    ...overrides,
  };
}

export function newOutcome(overrides: Partial<BotSandboxOutcomeDto> = {}): BotSandboxOutcomeDto {
  return {
    verdict: 'reply',
    source: 'command',
    id: 'c1',
    name: 'hello',
    reply: 'Hello Ada!',
    cooldownRemainingSeconds: null,
    ...overrides,
  };
}
