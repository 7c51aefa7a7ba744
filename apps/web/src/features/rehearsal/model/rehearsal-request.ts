import {
  type RehearsalAmounts,
  type RehearsalBurstRequest,
  RehearsalBurstRequestSchema,
  type RehearsalEventKind,
  type RehearsalEventRequest,
  RehearsalEventRequestSchema,
  type ViewerRole,
} from '@podium/contracts';

/** The quick buttons beside the message box: one event each, from the chosen fake viewer. */
export const QUICK_EVENT_KINDS = ['follow', 'subscription', 'gift', 'cheer', 'raid', 'donation'] as const;
export type QuickEventKind = (typeof QUICK_EVENT_KINDS)[number];

/** The fake viewer the organizer speaks as. */
export interface ViewerDraft {
  displayName: string;
  roles: readonly ViewerRole[];
}

/** The numbers of the quick events, as typed (strings until sent). */
export interface AmountsDraft {
  bits: string;
  amount: string;
  currency: string;
  giftCount: string;
  raidViewers: string;
  months: string;
  tier: string;
}

export const DEFAULT_AMOUNTS: AmountsDraft = {
  bits: '100',
  amount: '5.00',
  currency: 'EUR',
  giftCount: '5',
  raidViewers: '25',
  months: '1',
  tier: '1000',
};

/** Either a request ready to send, or the contract field at fault and why (the schema's message). */
export type Built<T> = { request: T } | { field: string; message: string };

/** Adds or removes one role, keeping the order of VIEWER_ROLES' checkboxes stable. */
export function toggleRole(roles: readonly ViewerRole[], role: ViewerRole, on: boolean): ViewerRole[] {
  const without = roles.filter((candidate) => candidate !== role);
  return on ? [...without, role] : without;
}

/** A number as typed; blank or not a number stays as is so the schema names the field. */
function numberOf(draft: string): number | string {
  const trimmed = draft.trim();
  if (trimmed === '') return trimmed;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

/** Only the amounts the kind carries, from the drafts. */
export function amountsFor(kind: RehearsalEventKind, drafts: AmountsDraft): RehearsalAmounts | undefined {
  switch (kind) {
    case 'subscription':
      return { tier: drafts.tier.trim(), months: numberOf(drafts.months) } as RehearsalAmounts;
    case 'gift':
      return { tier: drafts.tier.trim(), giftCount: numberOf(drafts.giftCount) } as RehearsalAmounts;
    case 'cheer':
      return { bits: numberOf(drafts.bits) } as RehearsalAmounts;
    case 'raid':
      return { raidViewers: numberOf(drafts.raidViewers) } as RehearsalAmounts;
    case 'donation':
      return { money: { amount: drafts.amount.trim(), currency: drafts.currency.trim() } };
    case 'message':
    case 'follow':
    case 'stream_online':
    case 'stream_offline':
      return undefined;
  }
}

/** The body of `POST …/rehearsal/events`, checked against the same schema the server uses. */
export function buildEventRequest(
  kind: RehearsalEventKind,
  viewer: ViewerDraft,
  text: string,
  drafts: AmountsDraft,
  eventId: string,
): Built<RehearsalEventRequest> {
  const channel = kind === 'stream_online' || kind === 'stream_offline';
  const amounts = amountsFor(kind, drafts);
  const trimmed = text.trim();
  const request: RehearsalEventRequest = {
    kind,
    eventId,
    ...(channel ? {} : { viewer: { displayName: viewer.displayName.trim(), roles: [...viewer.roles] } }),
    ...(!channel && trimmed ? { text: trimmed } : {}),
    ...(amounts ? { amounts } : {}),
  };
  return checked(RehearsalEventRequestSchema, request);
}

/** The body of `POST …/rehearsal/burst`. */
export function buildBurstRequest(
  text: string,
  viewers: string,
  spreadSeconds: string,
): Built<RehearsalBurstRequest> {
  const request = {
    text: text.trim(),
    viewers: numberOf(viewers),
    spreadSeconds: spreadSeconds.trim() === '' ? 0 : numberOf(spreadSeconds),
  } as RehearsalBurstRequest;
  return checked(RehearsalBurstRequestSchema, request);
}

interface SafeParser {
  safeParse(
    value: unknown,
  ): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

function checked<T>(schema: SafeParser, request: T): Built<T> {
  const result = schema.safeParse(request);
  if (result.success) return { request };
  const issue = result.error.issues[0];
  return { field: issue?.path.map(String).join('.') ?? '', message: issue?.message ?? '' };
}
