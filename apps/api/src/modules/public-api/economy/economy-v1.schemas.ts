import {
  type BalanceDto,
  type BalanceListDto,
  type GoalProgressDto,
  LEDGER_REASONS,
  type LedgerPageDto,
  OUTBOX_STATUSES,
  PLATFORMS,
  REDEEM_SOURCES,
  REDEMPTION_STATUSES,
  REWARD_ELIGIBILITIES,
  REWARD_TYPES,
  type RedemptionDto,
  type RedemptionPageDto,
  type RewardDto,
  type RewardListDto,
  type SendChatMessageResponse,
  V1_BOT_KINDS,
  type V1AnnouncementTriggeredDto,
  type V1BotListDto,
  type V1BotSwitchDto,
  type VoteTallyDto,
} from '@podium/contracts';
import { z } from 'zod';

/**
 * The economy v1 responses as zod schemas, for the OpenAPI document only (the services build the
 * DTOs). They restate the contracts' interfaces; the `Same` checks at the bottom stop the build when
 * the two drift apart.
 */

const IsoDate = z.string().describe('ISO 8601 date-time');
const Platform = z.enum(PLATFORMS);

// ---- viewers and balances ----

const PointsViewerSchema = z.object({
  id: z.uuid().describe("Podium's viewer id (the merge target when identities were linked)"),
  platform: Platform,
  login: z.string().nullable(),
  displayName: z.string(),
});

export const BalanceDtoSchema = z.object({
  workspaceId: z.uuid(),
  viewer: PointsViewerSchema,
  balance: z.number().int().describe('Current balance, never negative'),
  rank: z.number().int().nullable().describe('1 = most points; null with a zero balance'),
  currencyName: z.string().describe('What the workspace calls its points'),
});

export const BalanceListDtoSchema = z.object({ balances: z.array(BalanceDtoSchema) });

export const LedgerPageDtoSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      viewerId: z.uuid(),
      amount: z.number().int().describe('Signed: positive credits, negative debits'),
      reason: z.enum(LEDGER_REASONS),
      sourceKey: z.string().nullable().describe('What caused it (idempotency key), if anything'),
      actorUserId: z.uuid().nullable().describe('The organizer who made a manual change'),
      note: z.string().nullable().describe('A reason; API grants end with "(api token <name>)"'),
      balanceAfter: z.number().int(),
      createdAt: IsoDate,
    }),
  ),
  nextCursor: z.string().nullable().describe('Pass as `before` for the next (older) page'),
});

// ---- rewards ----

const GoalConfigSchema = z.object({
  target: z.number().int(),
  milestones: z.array(z.object({ at: z.number().int(), label: z.string() })),
});
const VoteConfigSchema = z.object({
  options: z.array(z.object({ id: z.string(), label: z.string() })),
  pricePerVote: z.number().int(),
});

export const RewardDtoSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string().describe('Lower case; the chat command `!<name>`'),
  type: z.enum(REWARD_TYPES),
  price: z.number().int().describe('Points per redeem'),
  description: z.string(),
  categories: z.array(z.string()).describe('Category names; empty: always active'),
  enabled: z.boolean().describe("The organizer's switch (what enable/disable change)"),
  active: z.boolean().describe('Enabled and in an active category (or none): redeemable now'),
  globalCooldownSeconds: z.number().int(),
  viewerCooldownSeconds: z.number().int(),
  maxPerStream: z.number().int().nullable(),
  maxPerViewer: z.number().int().nullable(),
  requiresNote: z.boolean(),
  autoFulfil: z.boolean(),
  eligibility: z.enum(REWARD_ELIGIBILITIES),
  count: z.number().int().describe('Redeems since the last counter reset'),
  goal: GoalConfigSchema.optional(),
  vote: VoteConfigSchema.optional(),
  special: z.object({ url: z.string(), hasSecret: z.boolean() }).optional(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});

export const RewardListDtoSchema = z.object({
  rewards: z.array(RewardDtoSchema),
  categories: z.array(
    z.object({ id: z.uuid(), name: z.string(), active: z.boolean(), rewardCount: z.number().int() }),
  ),
});

// ---- the queue ----

export const RedemptionDtoSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  reward: z.object({ id: z.uuid(), name: z.string(), type: z.enum(REWARD_TYPES) }),
  viewer: z.object({ id: z.uuid(), displayName: z.string(), platform: Platform }),
  spent: z.number().int().describe('Points debited'),
  note: z.string().nullable(),
  optionId: z.string().nullable().describe('vote: the chosen option'),
  status: z.enum(REDEMPTION_STATUSES),
  source: z.enum(REDEEM_SOURCES),
  createdAt: IsoDate,
  decidedAt: IsoDate.nullable(),
  decidedBy: z
    .object({ userId: z.uuid(), displayName: z.string() })
    .nullable()
    .describe('The organizer who decided; null for the API, the CLI or automatic fulfilment'),
});

export const RedemptionPageDtoSchema = z.object({
  redemptions: z.array(RedemptionDtoSchema),
  nextCursor: z.string().nullable().describe('Pass as `before` for the next page'),
});

// ---- goals and votes ----

export const GoalProgressDtoSchema = z.object({
  rewardId: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string(),
  target: z.number().int(),
  progress: z.number().int().describe('This round: 0 ≤ progress ≤ target'),
  milestones: z.array(z.object({ at: z.number().int(), label: z.string(), reachedAt: IsoDate.nullable() })),
  contributors: z.number().int(),
  completedAt: IsoDate.nullable(),
  round: z.number().int(),
  version: z.number().int(),
  enabled: z.boolean(),
  updatedAt: IsoDate,
});

export const VoteTallyDtoSchema = z.object({
  rewardId: z.uuid(),
  workspaceId: z.uuid(),
  name: z.string(),
  pricePerVote: z.number().int(),
  options: z.array(
    z.object({ id: z.string(), label: z.string(), votes: z.number().int(), points: z.number().int() }),
  ),
  totalVotes: z.number().int(),
  voters: z.number().int(),
  closedAt: IsoDate.nullable().describe('Closed votes take no redeems until reopened'),
  round: z.number().int(),
  version: z.number().int(),
  enabled: z.boolean(),
  updatedAt: IsoDate,
});

// ---- chat and bots ----

const OutboxMessageSchema = z.object({
  id: z.uuid(),
  connectionId: z.uuid(),
  platform: Platform,
  text: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  detail: z.string().nullable(),
  createdAt: IsoDate,
  sentAt: IsoDate.nullable(),
});

export const SendChatMessageResponseSchema = z.object({
  queued: z.array(OutboxMessageSchema).describe('One line per connection (more when split)'),
});

export const V1BotSwitchDtoSchema = z.object({
  kind: z.enum(V1_BOT_KINDS),
  id: z.uuid(),
  label: z.string(),
  enabled: z.boolean(),
  updatedAt: IsoDate,
});

export const V1BotListDtoSchema = z.object({ bots: z.array(V1BotSwitchDtoSchema) });

export const V1AnnouncementTriggeredDtoSchema = z.object({
  announcementId: z.uuid(),
  text: z.string().describe('The message of the rotation that was posted'),
  queued: z.array(OutboxMessageSchema),
});

// ---- The schemas above must say exactly what the contracts' DTOs say ----

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;

export type EconomySchemasMatchContracts = [
  Assert<Same<z.infer<typeof BalanceDtoSchema>, BalanceDto>>,
  Assert<Same<z.infer<typeof BalanceListDtoSchema>, BalanceListDto>>,
  Assert<Same<z.infer<typeof LedgerPageDtoSchema>, LedgerPageDto>>,
  Assert<Same<z.infer<typeof RewardDtoSchema>, RewardDto>>,
  Assert<Same<z.infer<typeof RewardListDtoSchema>, RewardListDto>>,
  Assert<Same<z.infer<typeof RedemptionDtoSchema>, RedemptionDto>>,
  Assert<Same<z.infer<typeof RedemptionPageDtoSchema>, RedemptionPageDto>>,
  Assert<Same<z.infer<typeof GoalProgressDtoSchema>, GoalProgressDto>>,
  Assert<Same<z.infer<typeof VoteTallyDtoSchema>, VoteTallyDto>>,
  Assert<Same<z.infer<typeof SendChatMessageResponseSchema>, SendChatMessageResponse>>,
  Assert<Same<z.infer<typeof V1BotSwitchDtoSchema>, V1BotSwitchDto>>,
  Assert<Same<z.infer<typeof V1BotListDtoSchema>, V1BotListDto>>,
  Assert<Same<z.infer<typeof V1AnnouncementTriggeredDtoSchema>, V1AnnouncementTriggeredDto>>,
];
