import { queryKeys } from '../api/query-keys';
import { invalidationsFor } from './live-invalidation';

describe('invalidationsFor', () => {
  it('refreshes the workspace and my memberships when a workspace is renamed', () => {
    const result = invalidationsFor(
      {
        event: 'workspace.renamed',
        payload: { workspace: { id: 'w1', name: 'New', createdAt: '2026-01-01' } },
      },
      'me',
    );
    expect(result).toEqual([
      { queryKey: queryKeys.workspace('w1'), exact: true },
      { queryKey: queryKeys.me },
    ]);
  });

  it("refreshes the member list when someone else's membership changes", () => {
    const result = invalidationsFor(
      { event: 'member.changed', payload: { workspaceId: 'w1', userId: 'other', role: 'viewer' } },
      'me',
    );
    expect(result).toEqual([{ queryKey: queryKeys.members('w1'), exact: true }]);
  });

  it('refreshes me and everything under the workspace when my own role changes or I am removed', () => {
    const result = invalidationsFor(
      { event: 'member.changed', payload: { workspaceId: 'w1', userId: 'me', role: null } },
      'me',
    );
    expect(result).toEqual([{ queryKey: queryKeys.me }, { queryKey: queryKeys.workspace('w1') }]);
  });
});

describe('invalidationsFor overlay.revoked', () => {
  it('refreshes the overlay links of that workspace', () => {
    expect(invalidationsFor({ event: 'overlay.revoked', payload: { workspaceId: 'w1' } }, 'me')).toEqual([
      { queryKey: queryKeys.overlayTokens('w1'), exact: true },
    ]);
  });
});

describe('invalidationsFor meeting.changed', () => {
  it('refreshes that meeting (its editor), and nothing else', () => {
    expect(invalidationsFor({ event: 'meeting.changed', payload: { meetingId: 'm1' } }, 'me')).toEqual([
      { queryKey: queryKeys.meeting('m1'), exact: true },
    ]);
  });
});
