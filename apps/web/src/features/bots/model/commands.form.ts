import {
  CreateBotCommandRequestSchema,
  DEFAULT_COMMAND_PREFIX,
  type BotCommandDto,
  type CommandPermission,
  type CreateBotCommandRequest,
  type Platform,
} from '@podium/contracts';
import {
  NO_OBS_ACTION,
  obsActionValues,
  type ObsActionValues,
  toObsAction,
} from '@/shared/ui/obs-action-field';
import { type FieldIssue, issuesOfParse, parseWholeNumber, splitLines, splitWords } from './bots-shell.form';

/** The command form's fields, by their contract names (the api's 400 names the same ones). */
export const COMMAND_FIELDS = [
  'name',
  'aliases',
  'responses',
  'permission',
  'globalCooldownSeconds',
  'userCooldownSeconds',
  'platforms',
  'enabled',
  'obsAction',
] as const;

/** What the form holds while the organizer types: boxes are text, choices are typed. */
export interface CommandFormValues {
  name: string;
  /** Separated by commas or spaces, with or without the prefix. */
  aliases: string;
  /** One response a line; one is picked at random for each answer. */
  responses: string;
  permission: CommandPermission;
  globalCooldownSeconds: string;
  userCooldownSeconds: string;
  /** None ticked: every platform. */
  platforms: Platform[];
  enabled: boolean;
  /** What OBS does each time it answers. */
  obsAction: ObsActionValues;
}

export function commandFormValues(command: BotCommandDto | null): CommandFormValues {
  return {
    name: command?.name ?? '',
    aliases: command?.aliases.join(', ') ?? '',
    responses: command?.responses.join('\n') ?? '',
    permission: command?.permission ?? 'everyone',
    globalCooldownSeconds: String(command?.globalCooldownSeconds ?? 0),
    userCooldownSeconds: String(command?.userCooldownSeconds ?? 0),
    platforms: command?.platforms ?? [],
    enabled: command?.enabled ?? true,
    obsAction: command ? obsActionValues(command.obsAction) : NO_OBS_ACTION,
  };
}

/** `!hello` → `hello`: organizers often type the prefix; the name is stored without it. */
export function withoutPrefix(name: string, prefix: string = DEFAULT_COMMAND_PREFIX): string {
  const trimmed = name.trim();
  return trimmed.startsWith(prefix) ? trimmed.slice(prefix.length).trim() : trimmed;
}

/** The request the form sends (create and edit alike: an edit sends every field). */
export function buildCommandRequest(
  values: CommandFormValues,
  prefix: string = DEFAULT_COMMAND_PREFIX,
): CreateBotCommandRequest {
  return {
    name: withoutPrefix(values.name, prefix),
    aliases: splitWords(values.aliases)
      .map((alias) => withoutPrefix(alias, prefix))
      .filter(Boolean),
    responses: splitLines(values.responses),
    permission: values.permission,
    globalCooldownSeconds: parseWholeNumber(values.globalCooldownSeconds, 0),
    userCooldownSeconds: parseWholeNumber(values.userCooldownSeconds, 0),
    platforms: values.platforms,
    enabled: values.enabled,
    obsAction: toObsAction(values.obsAction),
  };
}

/** The contract's own schema, run before sending: the same rules and field names as the api's 400. */
export function validateCommandRequest(request: CreateBotCommandRequest): FieldIssue[] {
  return issuesOfParse(CreateBotCommandRequestSchema.safeParse(request));
}
