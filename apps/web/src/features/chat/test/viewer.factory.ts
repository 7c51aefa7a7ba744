import type { ViewerDto } from '@podium/contracts';

/** A viewer seen on Twitch; ids are uuids like the server's, so requests pass the contract. */
export function newViewer(overrides: Partial<ViewerDto> = {}): ViewerDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    workspaceId: 'w1',
    platform: 'twitch',
    platformUserId: 'tw-1',
    login: 'grace',
    displayName: 'Grace',
    roles: [],
    mergedIntoId: null,
    firstSeenAt: '2026-11-01T18:00:00.000Z',
    lastSeenAt: '2026-11-21T12:00:00.000Z',
    ...overrides,
  };
}

/** The same person on Twitch and on YouTube, and someone else on Owncast. */
export const twitchGrace = newViewer();
export const youtubeGrace = newViewer({
  id: '00000000-0000-4000-8000-000000000002',
  platform: 'youtube',
  platformUserId: 'UCgrace',
  login: null,
  displayName: 'Grace Hopper',
});
export const owncastAda = newViewer({
  id: '00000000-0000-4000-8000-000000000003',
  platform: 'owncast',
  platformUserId: 'oc-ada',
  login: 'ada',
  displayName: 'Ada',
});
