import type {
  BotSandboxOutcomeDto,
  BotSandboxRequest,
  BotSandboxResultDto,
  BotSandboxVerdict,
  Platform,
  ViewerRole,
} from '@podium/contracts';

/** One line of the "Try it" box: what the organizer typed, what the bot would say, or why not. */
export type SandboxLine =
  | { kind: 'viewer'; id: number; who: string; roles: ViewerRole[]; text: string }
  | { kind: 'reply'; id: number; source: 'command' | 'auto_response'; name: string | null; text: string }
  | {
      kind: 'silent';
      id: number;
      source: BotSandboxOutcomeDto['source'];
      verdict: Exclude<BotSandboxVerdict, 'reply'>;
      name: string | null;
      cooldownRemainingSeconds: number | null;
    };

/** Lines kept in the box; older ones scroll away. */
export const SANDBOX_MAX_LINES = 60;

export interface SandboxDraft {
  text: string;
  displayName: string;
  roles: ViewerRole[];
  /** '' tries the line without platform restrictions. */
  platform: Platform | '';
}

export function buildSandboxRequest(draft: SandboxDraft): BotSandboxRequest {
  return {
    text: draft.text.trim(),
    roles: draft.roles,
    displayName: draft.displayName.trim() || 'viewer',
    ...(draft.platform ? { platform: draft.platform } : {}),
  };
}

/** A line before it has an id (Omit that keeps each kind of the union apart). */
export type NewSandboxLine = SandboxLine extends infer L
  ? L extends SandboxLine
    ? Omit<L, 'id'>
    : never
  : never;

type Outcome = Exclude<NewSandboxLine, { kind: 'viewer' }>;

function outcomeLine(outcome: BotSandboxOutcomeDto): Outcome | null {
  if (outcome.verdict === 'reply' && outcome.reply !== null && outcome.source !== 'builtin') {
    return { kind: 'reply', source: outcome.source ?? 'command', name: outcome.name, text: outcome.reply };
  }
  if (outcome.verdict === 'reply') return null;
  return {
    kind: 'silent',
    source: outcome.source,
    verdict: outcome.verdict,
    name: outcome.name,
    cooldownRemainingSeconds: outcome.cooldownRemainingSeconds,
  };
}

/**
 * The bot's side of one try, in the order the bot would act: the command first, then each matching
 * auto-response. A line that is no command says so only when no auto-response matched either.
 */
export function sandboxOutcomes(result: BotSandboxResultDto): Outcome[] {
  const lines: Outcome[] = [];
  const noCommand = result.command.verdict === 'not_a_command';
  if (!noCommand || result.autoResponses.length === 0) {
    const line = outcomeLine(result.command);
    if (line) lines.push(line);
  }
  for (const outcome of result.autoResponses) {
    const line = outcomeLine(outcome);
    if (line) lines.push(line);
  }
  return lines;
}

/** Adds lines with fresh ids, keeping the last `max`. */
export function appendLines(
  log: readonly SandboxLine[],
  lines: readonly NewSandboxLine[],
  max: number = SANDBOX_MAX_LINES,
): SandboxLine[] {
  let next = (log[log.length - 1]?.id ?? 0) + 1;
  const added = lines.map((line) => ({ ...line, id: next++ }) as SandboxLine);
  return [...log, ...added].slice(-max);
}
