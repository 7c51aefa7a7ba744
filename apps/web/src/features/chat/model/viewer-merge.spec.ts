import { MergeViewersRequestSchema } from '@podium/contracts';
import { newViewer, owncastAda, twitchGrace, youtubeGrace } from '../test/viewer.factory';
import {
  KNOWN_VIEWERS_KEPT,
  mergeRequest,
  NO_SELECTION,
  pick,
  refreshSelection,
  rememberViewers,
  roleOf,
} from './viewer-merge';

describe('picking the viewer to keep and the one to merge', () => {
  it('holds one of each, and a second pick for a role replaces the first', () => {
    let selection = pick(NO_SELECTION, 'target', twitchGrace);
    selection = pick(selection, 'source', owncastAda);
    selection = pick(selection, 'source', youtubeGrace);
    expect(selection).toEqual({ target: twitchGrace, source: youtubeGrace });
    expect(roleOf(selection, twitchGrace.id)).toBe('target');
    expect(roleOf(selection, youtubeGrace.id)).toBe('source');
    expect(roleOf(selection, owncastAda.id)).toBeNull();
  });

  it('drops a viewer picked again for the same role', () => {
    const selection = pick(pick(NO_SELECTION, 'target', twitchGrace), 'target', twitchGrace);
    expect(selection).toEqual(NO_SELECTION);
  });

  it('moves a viewer to the other role instead of holding both', () => {
    const kept = pick(pick(NO_SELECTION, 'target', twitchGrace), 'source', youtubeGrace);
    expect(pick(kept, 'target', youtubeGrace)).toEqual({ target: youtubeGrace, source: null });
    expect(pick(kept, 'source', twitchGrace)).toEqual({ target: null, source: twitchGrace });
  });
});

describe('mergeRequest', () => {
  it('asks for the viewer to keep first, then the one to merge', () => {
    expect(mergeRequest(NO_SELECTION)).toEqual({ problem: 'noTarget' });
    expect(mergeRequest({ target: null, source: youtubeGrace })).toEqual({ problem: 'noTarget' });
    expect(mergeRequest({ target: twitchGrace, source: null })).toEqual({ problem: 'noSource' });
  });

  it('builds a request the contract accepts: the source goes, the target stays', () => {
    const outcome = mergeRequest({ target: twitchGrace, source: youtubeGrace });
    expect(outcome).toEqual({
      request: { sourceViewerId: youtubeGrace.id, targetViewerId: twitchGrace.id },
    });
    if (!('request' in outcome)) throw new Error('expected a request');
    expect(MergeViewersRequestSchema.safeParse(outcome.request).success).toBe(true);
  });

  it('refuses what the server refuses or ignores', () => {
    expect(mergeRequest({ target: twitchGrace, source: { ...twitchGrace } })).toEqual({ problem: 'same' });
    const mergedTarget = { ...twitchGrace, mergedIntoId: owncastAda.id };
    expect(mergeRequest({ target: mergedTarget, source: youtubeGrace })).toEqual({
      problem: 'targetMerged',
    });
    const linked = { ...youtubeGrace, mergedIntoId: twitchGrace.id };
    expect(mergeRequest({ target: twitchGrace, source: linked })).toEqual({ problem: 'alreadyLinked' });
    const elsewhere = { ...youtubeGrace, mergedIntoId: owncastAda.id };
    expect(mergeRequest({ target: twitchGrace, source: elsewhere })).toEqual({ problem: 'sourceMerged' });
  });
});

describe('refreshSelection', () => {
  it('takes the fresh copy of each picked viewer and keeps those the search no longer shows', () => {
    const selection = { target: twitchGrace, source: youtubeGrace };
    const renamed = { ...twitchGrace, displayName: 'Grace H.' };
    expect(refreshSelection(selection, [renamed, owncastAda])).toEqual({
      target: renamed,
      source: youtubeGrace,
    });
  });

  it('returns the same selection when nothing changed, so the store does not re-render', () => {
    const selection = { target: twitchGrace, source: null };
    expect(refreshSelection(selection, [owncastAda])).toBe(selection);
    expect(refreshSelection(selection, [twitchGrace])).toBe(selection);
  });
});

describe('rememberViewers', () => {
  it('keeps names by id, updated by renames, and is unchanged when nothing is new', () => {
    const known = rememberViewers(new Map(), [twitchGrace, youtubeGrace]);
    expect(known.get(youtubeGrace.id)).toEqual({ displayName: 'Grace Hopper', platform: 'youtube' });
    expect(rememberViewers(known, [twitchGrace])).toBe(known);
    const renamed = rememberViewers(known, [{ ...twitchGrace, displayName: 'Grace H.' }]);
    expect(renamed.get(twitchGrace.id)?.displayName).toBe('Grace H.');
  });

  it('forgets the least recently seen beyond the bound', () => {
    const many = Array.from({ length: KNOWN_VIEWERS_KEPT + 3 }, (_, i) =>
      newViewer({ id: `v${i}`, displayName: `Viewer ${i}` }),
    );
    let known = rememberViewers(new Map(), many.slice(0, KNOWN_VIEWERS_KEPT));
    known = rememberViewers(known, [many[0]!, ...many.slice(KNOWN_VIEWERS_KEPT)]);
    expect(known.size).toBe(KNOWN_VIEWERS_KEPT);
    expect(known.has('v0')).toBe(true); // Seen again: among the newest.
    expect(known.has('v1')).toBe(false);
    expect(known.has('v3')).toBe(false);
    expect(known.has('v4')).toBe(true);
    expect(known.has(`v${KNOWN_VIEWERS_KEPT + 2}`)).toBe(true);
  });
});
