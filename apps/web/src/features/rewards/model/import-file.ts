import type { ImportRewardsRequest } from '@podium/contracts';
import { REWARD_LIMITS } from '@podium/contracts';

export type ImportParse =
  | { ok: true; request: ImportRewardsRequest; count: number }
  | { ok: false; error: 'invalid_json' | 'not_object' | 'empty' | 'too_many' };

/**
 * Reads a Tlapbot rewards file (`{ "<name>": { price | goal, type, info, category } }`): the
 * server checks each entry; this only refuses what is not such an object at all.
 */
export function parseImportFile(text: string): ImportParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, error: 'invalid_json' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'not_object' };
  }
  const request = parsed as Record<string, unknown>;
  const count = Object.keys(request).length;
  if (count === 0) return { ok: false, error: 'empty' };
  if (count > REWARD_LIMITS.importMax) return { ok: false, error: 'too_many' };
  return { ok: true, request, count };
}
