import { z } from 'zod';
import { PlatformSchema, VIEWER_ROLES, type Platform } from './chat.contract';
import { OptionalObsActionSchema, type ObsAction } from './obs.contract';

/** Who may use a command, least to most trusted: each level includes the ones after it. */
export const COMMAND_PERMISSIONS = ['everyone', 'subscriber', 'vip', 'moderator', 'broadcaster'] as const;
export const CommandPermissionSchema = z.enum(COMMAND_PERMISSIONS);
export type CommandPermission = z.infer<typeof CommandPermissionSchema>;

/* ---------- settings ---------- */

export const DEFAULT_COMMAND_PREFIX = '!';

/** The workspace's bot settings. */
export interface BotSettingsDto {
  workspaceId: string;
  /** One non-space character that starts a command (default `!`). */
  prefix: string;
}

export const CommandPrefixSchema = z
  .string()
  .regex(/^\S$/u, { message: 'must be one character that is not a space' });

export const UpdateBotSettingsRequestSchema = z.object({ prefix: CommandPrefixSchema });
export type UpdateBotSettingsRequest = z.input<typeof UpdateBotSettingsRequestSchema>;

/* ---------- shared field rules ---------- */

export const BOT_LIMITS = {
  nameMax: 30,
  aliasesMax: 10,
  responsesMax: 10,
  responseMax: 500,
  cooldownMaxSeconds: 86_400,
  termsMax: 20,
  termMax: 100,
} as const;

/** Command names and aliases: 1–30 of `a-z 0-9 _`, given without the prefix; stored lower case. */
export const CommandNameSchema = z
  .string()
  .trim()
  .transform((name) => name.toLowerCase())
  .pipe(
    z
      .string()
      .min(1, { message: 'is required' })
      .max(BOT_LIMITS.nameMax, { message: `must be at most ${BOT_LIMITS.nameMax} characters` })
      .regex(/^[a-z0-9_]+$/, { message: 'may only hold letters, digits and _' }),
  );

/** Response templates; see the placeholders in `renderTemplate` (@podium/bots). */
const ResponsesSchema = z
  .array(
    z
      .string()
      .trim()
      .min(1, { message: 'is required' })
      .max(BOT_LIMITS.responseMax, { message: `must be at most ${BOT_LIMITS.responseMax} characters` }),
  )
  .min(1, { message: 'needs at least one response' })
  .max(BOT_LIMITS.responsesMax, { message: `at most ${BOT_LIMITS.responsesMax} responses` });

const CooldownSchema = z.number().int().min(0).max(BOT_LIMITS.cooldownMaxSeconds);

/** Platforms a bot answers on; empty means all. Duplicates are dropped. */
const PlatformsSchema = z
  .array(PlatformSchema)
  .max(4)
  .transform((platforms) => [...new Set(platforms)]);

/* ---------- custom commands ---------- */

export interface BotCommandDto {
  id: string;
  workspaceId: string;
  /** Lower case, without the prefix. */
  name: string;
  /** Other names that call it, lower case. */
  aliases: string[];
  /** One is picked at random for each answer. */
  responses: string[];
  permission: CommandPermission;
  /** Seconds after an answer before anyone can call it again (0: none). */
  globalCooldownSeconds: number;
  /** Seconds after an answer before the same viewer can call it again (0: none). */
  userCooldownSeconds: number;
  /** Platforms it answers on; empty means all. */
  platforms: Platform[];
  enabled: boolean;
  /** Times it has answered; `{count}` in a response. */
  useCount: number;
  /** What the streamer's OBS does each time it answers (through the `obs` overlay); null: nothing. */
  obsAction: ObsAction | null;
  createdAt: string;
  updatedAt: string;
}

const CommandFields = {
  name: CommandNameSchema,
  aliases: z
    .array(CommandNameSchema)
    .max(BOT_LIMITS.aliasesMax, { message: `at most ${BOT_LIMITS.aliasesMax} aliases` })
    .transform((aliases) => [...new Set(aliases)]),
  responses: ResponsesSchema,
  permission: CommandPermissionSchema,
  globalCooldownSeconds: CooldownSchema,
  userCooldownSeconds: CooldownSchema,
  platforms: PlatformsSchema,
  enabled: z.boolean(),
  /** Switch the OBS scene or save the replay buffer each time it answers; null removes it. */
  obsAction: OptionalObsActionSchema,
};

export const CreateBotCommandRequestSchema = z.object({
  ...CommandFields,
  aliases: CommandFields.aliases.default([]),
  permission: CommandFields.permission.default('everyone'),
  globalCooldownSeconds: CooldownSchema.default(0),
  userCooldownSeconds: CooldownSchema.default(0),
  platforms: CommandFields.platforms.default([]),
  enabled: z.boolean().default(true),
});
export type CreateBotCommandRequest = z.input<typeof CreateBotCommandRequestSchema>;

/** Any subset of the fields; `useCount` may be reset to 0. */
export const UpdateBotCommandRequestSchema = z.object({ ...CommandFields, useCount: z.literal(0) }).partial();
export type UpdateBotCommandRequest = z.input<typeof UpdateBotCommandRequestSchema>;

/** A command Podium ships (`!help`, `!title`…), for the list page and the public commands page. */
export interface BuiltinCommandDto {
  name: string;
  aliases: string[];
  permission: CommandPermission;
  description: string;
}

/** What viewers may see at `<PUBLIC_URL>/w/<workspaceId>/commands` (no auth). */
export interface PublicCommandDto {
  /** Without the prefix. */
  name: string;
  aliases: string[];
  permission: CommandPermission;
  /** Built-ins: their description; custom commands: their first response template. */
  description: string;
  builtin: boolean;
}

export interface PublicCommandListDto {
  prefix: string;
  commands: PublicCommandDto[];
}

/* ---------- auto-responses ---------- */

/** `contains`: a term appears as a word (case-insensitive); `phrase`: the whole message equals a term. */
export const AUTO_RESPONSE_MATCH_MODES = ['contains', 'phrase'] as const;
export const AutoResponseMatchModeSchema = z.enum(AUTO_RESPONSE_MATCH_MODES);
export type AutoResponseMatchMode = z.infer<typeof AutoResponseMatchModeSchema>;

export interface AutoResponseDto {
  id: string;
  workspaceId: string;
  matchMode: AutoResponseMatchMode;
  /** Words/phrases that trigger it (any one). */
  terms: string[];
  /** One is picked at random for each answer. */
  responses: string[];
  globalCooldownSeconds: number;
  userCooldownSeconds: number;
  /** Empty means all. */
  platforms: Platform[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

const AutoResponseFields = {
  matchMode: AutoResponseMatchModeSchema,
  terms: z
    .array(
      z
        .string()
        .trim()
        .min(1, { message: 'is required' })
        .max(BOT_LIMITS.termMax, { message: `must be at most ${BOT_LIMITS.termMax} characters` }),
    )
    .min(1, { message: 'needs at least one term' })
    .max(BOT_LIMITS.termsMax, { message: `at most ${BOT_LIMITS.termsMax} terms` }),
  responses: ResponsesSchema,
  globalCooldownSeconds: CooldownSchema,
  userCooldownSeconds: CooldownSchema,
  platforms: PlatformsSchema,
  enabled: z.boolean(),
};

export const CreateAutoResponseRequestSchema = z.object({
  ...AutoResponseFields,
  matchMode: AutoResponseMatchModeSchema.default('contains'),
  globalCooldownSeconds: CooldownSchema.default(30),
  userCooldownSeconds: CooldownSchema.default(0),
  platforms: AutoResponseFields.platforms.default([]),
  enabled: z.boolean().default(true),
});
export type CreateAutoResponseRequest = z.input<typeof CreateAutoResponseRequestSchema>;

export const UpdateAutoResponseRequestSchema = z.object(AutoResponseFields).partial();
export type UpdateAutoResponseRequest = z.input<typeof UpdateAutoResponseRequestSchema>;

/* ---------- sandbox ---------- */

/** Try a chat line as a viewer: nothing is posted and no cooldown is used. */
export const BotSandboxRequestSchema = z.object({
  text: z.string().max(500),
  /** The viewer's roles (broadcaster, moderator, vip, subscriber, member). */
  roles: z.array(z.enum(VIEWER_ROLES)).max(5).default([]),
  displayName: z.string().trim().min(1).max(50).default('viewer'),
  /** The platform the line comes from; absent: platform restrictions are ignored. */
  platform: PlatformSchema.optional(),
});
export type BotSandboxRequest = z.input<typeof BotSandboxRequestSchema>;

/**
 * What a bot would do: `reply` (the text is in `reply`), or why not. `builtin` means a built-in
 * command would run (its effect is not simulated; `reply` is null).
 */
export const BOT_SANDBOX_VERDICTS = [
  'reply',
  'builtin',
  'not_a_command',
  'unknown_command',
  'disabled',
  'wrong_platform',
  'not_allowed',
  'on_cooldown',
] as const;
export type BotSandboxVerdict = (typeof BOT_SANDBOX_VERDICTS)[number];

export interface BotSandboxOutcomeDto {
  verdict: BotSandboxVerdict;
  /** What matched: a custom command, a built-in, or an auto-response; null when nothing did. */
  source: 'command' | 'builtin' | 'auto_response' | null;
  /** Id of the custom command or auto-response; null for built-ins and no match. */
  id: string | null;
  /** Command name (without prefix) or the auto-response's first term. */
  name: string | null;
  /** The rendered text that would be posted (verdict `reply`), else null. */
  reply: string | null;
  /** Seconds until the cooldown that refused it ends (verdict `on_cooldown`). */
  cooldownRemainingSeconds: number | null;
}

export interface BotSandboxResultDto {
  /** The line as a command (verdict `not_a_command` when it does not start with the prefix). */
  command: BotSandboxOutcomeDto;
  /** Every auto-response the line matches, with its own verdict (empty: none matched). */
  autoResponses: BotSandboxOutcomeDto[];
}
