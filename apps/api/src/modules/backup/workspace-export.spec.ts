import { backupFileName } from './backup-files';
import { remapIds } from './workspace-export.service';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const KEEP = '33333333-3333-4333-8333-333333333333';

describe('remapIds', () => {
  it('replaces mapped ids in columns, arrays and JSON, and leaves other ids alone', () => {
    const tables = {
      viewers: [{ id: A, merged_into_id: null, workspace_id: KEEP }],
      bot_announcements: [{ connection_ids: [A.toUpperCase()], note: `source ${A}` }],
      points_settings: [{ settings: { rewardId: A, nested: [{ id: KEEP }] } }],
    };
    const out = remapIds(tables, new Map([[A, B]]));
    expect(out).toEqual({
      viewers: [{ id: B, merged_into_id: null, workspace_id: KEEP }],
      bot_announcements: [{ connection_ids: [B], note: `source ${B}` }],
      points_settings: [{ settings: { rewardId: B, nested: [{ id: KEEP }] } }],
    });
    expect(tables.viewers[0]!.id).toBe(A); // the input is not mutated
  });

  it('returns the tables unchanged with an empty map', () => {
    const tables = { viewers: [{ id: A }] };
    expect(remapIds(tables, new Map())).toBe(tables);
  });
});

describe('backupFileName', () => {
  it('is the UTC time, sortable and without colons', () => {
    expect(backupFileName(new Date('2026-11-21T10:00:05.007Z'))).toBe('2026-11-21T10-00-05-007Z.json');
  });
});
