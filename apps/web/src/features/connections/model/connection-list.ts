import type { ChatEvent, ConnectionDto } from '@podium/contracts';

/*
 * Changes to the cached connection list from socket pushes. An absent list (not fetched yet)
 * stays absent: the fetch will bring the current one. An unchanged list is returned as is, so
 * react-query does not re-render for nothing.
 */

export function upsertConnection(
  list: ConnectionDto[] | undefined,
  connection: ConnectionDto,
): ConnectionDto[] | undefined {
  if (!list) return list;
  const index = list.findIndex((candidate) => candidate.id === connection.id);
  if (index === -1) return [...list, connection];
  return list.map((candidate, i) => (i === index ? connection : candidate));
}

export function removeConnection(
  list: ConnectionDto[] | undefined,
  connectionId: string,
): ConnectionDto[] | undefined {
  if (!list || !list.some((candidate) => candidate.id === connectionId)) return list;
  return list.filter((candidate) => candidate.id !== connectionId);
}

/** "Last event received" follows the events as they arrive, without a refetch per chat line. */
export function noteEvent(list: ConnectionDto[] | undefined, event: ChatEvent): ConnectionDto[] | undefined {
  if (!list) return list;
  let changed = false;
  const next = list.map((connection) => {
    if (connection.id !== event.connectionId) return connection;
    if (connection.lastEventAt && Date.parse(connection.lastEventAt) >= Date.parse(event.receivedAt)) {
      return connection;
    }
    changed = true;
    return { ...connection, lastEventAt: event.receivedAt };
  });
  return changed ? next : list;
}
