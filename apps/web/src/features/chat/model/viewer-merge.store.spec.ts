import { owncastAda, twitchGrace, youtubeGrace } from '../test/viewer.factory';
import { mergeRequest, NO_SELECTION } from './viewer-merge';
import { createViewerMergeStore } from './viewer-merge.store';

describe('viewer merge store', () => {
  it('keeps the picks across searches: keep one under one name, merge one found under another', () => {
    const store = createViewerMergeStore();
    store.getState().see([twitchGrace, owncastAda]);
    store.getState().pick('target', twitchGrace);
    store.getState().see([youtubeGrace]); // A new search: the kept viewer is off screen.
    store.getState().pick('source', youtubeGrace);
    const { selection } = store.getState();
    expect(selection).toEqual({ target: twitchGrace, source: youtubeGrace });
    expect(mergeRequest(selection)).toEqual({
      request: { sourceViewerId: youtubeGrace.id, targetViewerId: twitchGrace.id },
    });
  });

  it('follows the server: a kept viewer merged meanwhile becomes a problem after the refresh', () => {
    const store = createViewerMergeStore();
    store.getState().pick('target', twitchGrace);
    store.getState().pick('source', youtubeGrace);
    store.getState().see([{ ...twitchGrace, mergedIntoId: owncastAda.id }]);
    expect(mergeRequest(store.getState().selection)).toEqual({ problem: 'targetMerged' });
  });

  it('leaves the state alone when a refetch brings nothing new', () => {
    const store = createViewerMergeStore();
    store.getState().see([twitchGrace]);
    const before = store.getState();
    store.getState().see([twitchGrace]);
    expect(store.getState()).toBe(before);
  });

  it('after a merge: clears the picks, notes the link, and names the target for "merged into"', () => {
    const store = createViewerMergeStore();
    store.getState().pick('target', twitchGrace);
    store.getState().pick('source', youtubeGrace);
    store.getState().merged(youtubeGrace, twitchGrace);
    const state = store.getState();
    expect(state.selection).toEqual(NO_SELECTION);
    expect(state.lastMerge?.source).toMatchObject({ id: youtubeGrace.id, mergedIntoId: twitchGrace.id });
    expect(state.lastMerge?.target.id).toBe(twitchGrace.id);
    expect(state.known.get(twitchGrace.id)).toEqual({ displayName: 'Grace', platform: 'twitch' });
  });

  it('forgets the success notice at the next pick, and clear() empties the picks', () => {
    const store = createViewerMergeStore();
    store.getState().merged(youtubeGrace, twitchGrace);
    store.getState().pick('target', owncastAda);
    expect(store.getState().lastMerge).toBeNull();
    store.getState().clear();
    expect(store.getState().selection).toEqual(NO_SELECTION);
  });
});
