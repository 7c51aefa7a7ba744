import type {
  ChatEventInput,
  ChatViewerIdentity,
  ParsedRehearsalBurst,
  ParsedRehearsalEvent,
  ParsedRehearsalViewer,
} from '@podium/contracts';

/**
 * Rehearsal mode's rules: how an organizer's simulated event becomes the ChatEventInput a real
 * platform's adapter would hand the pipeline. Fake viewers are identified by their name.
 */

/** Prefix of every fake viewer's platform id. */
export const REHEARSAL_USER_ID_PREFIX = 'rehearsal:';

/**
 * The fake viewer's identity. The id comes from the lowercased name (spaces collapsed), so typing
 * "Ada" or "ada" is the same viewer every time, with the history and points of that viewer.
 */
export function rehearsalViewerIdentity(viewer: ParsedRehearsalViewer): ChatViewerIdentity {
  const displayName = viewer.displayName.trim().replace(/\s+/g, ' ');
  const key = displayName.toLowerCase();
  return {
    platform: 'rehearsal',
    platformUserId: `${REHEARSAL_USER_ID_PREFIX}${key}`,
    login: key.replace(/ /g, '_'),
    displayName,
    roles: [...new Set(viewer.roles)],
  };
}

/** One injected event. `eventId` is the external id (the page's, or a fresh one). */
export function rehearsalEventInput(
  request: ParsedRehearsalEvent,
  eventId: string,
  now: Date,
): ChatEventInput {
  const channel = request.kind === 'stream_online' || request.kind === 'stream_offline';
  const amounts = channel ? undefined : amountsFor(request);
  const text = request.text?.trim();
  return {
    kind: request.kind,
    externalId: `rehearsal:${eventId}`,
    occurredAt: now.toISOString(),
    ...(!channel && request.viewer ? { viewer: rehearsalViewerIdentity(request.viewer) } : {}),
    ...(!channel && text ? { text } : {}),
    ...(amounts ? { amounts } : {}),
  };
}

/** Only the amounts that mean something for the kind (a follow carries none, a cheer its bits). */
function amountsFor(request: ParsedRehearsalEvent): ChatEventInput['amounts'] | undefined {
  const given = request.amounts ?? {};
  const picked: NonNullable<ChatEventInput['amounts']> = {};
  switch (request.kind) {
    case 'subscription':
      picked.tier = given.tier ?? '1000';
      if (given.months !== undefined) picked.months = given.months;
      break;
    case 'gift':
      picked.giftCount = given.giftCount ?? 1;
      picked.tier = given.tier ?? '1000';
      break;
    case 'cheer':
      picked.bits = given.bits ?? 100;
      break;
    case 'raid':
      picked.raidViewers = given.raidViewers ?? 10;
      break;
    case 'donation':
      picked.money = given.money ?? { amount: '5.00', currency: 'EUR' };
      break;
    case 'message':
    case 'follow':
    case 'stream_online':
    case 'stream_offline':
      break;
  }
  return Object.keys(picked).length > 0 ? picked : undefined;
}

/**
 * A burst: the same line from `viewers` distinct fake viewers `<prefix>1` … `<prefix>N`, dated
 * evenly over the last `spreadSeconds` (the last one now), in that order.
 */
export function rehearsalBurstInputs(
  request: ParsedRehearsalBurst,
  burstId: string,
  now: Date,
): ChatEventInput[] {
  const spreadMs = request.spreadSeconds * 1000;
  const text = request.text.trim();
  return Array.from({ length: request.viewers }, (_, index) => {
    const offset =
      request.viewers > 1
        ? Math.round((spreadMs * (request.viewers - 1 - index)) / (request.viewers - 1))
        : 0;
    return {
      kind: 'message' as const,
      externalId: `rehearsal:${burstId}:${index + 1}`,
      occurredAt: new Date(now.getTime() - offset).toISOString(),
      viewer: rehearsalViewerIdentity({ displayName: `${request.namePrefix}${index + 1}`, roles: [] }),
      text,
    };
  });
}
