import { MEETING_ID, newControl, newOrganizerSnapshot, newState } from '@podium/ui/testing';
import { createLiveStore } from './live.store';

function openStore(clientId: string | null = 'tab-1') {
  const store = createLiveStore();
  store.getState().open(MEETING_ID, clientId);
  return store;
}

describe('live store', () => {
  it('ignores pushes before the first snapshot and snapshots of another meeting', () => {
    const store = openStore();
    expect(store.getState().state(newState({ version: 5 }))).toBe(false);
    store.getState().snapshot(newOrganizerSnapshot({ state: newState({ meetingId: 'other' }) }));
    expect(store.getState().view).toBeNull();
  });

  it('applies the next state and asks for a resync after a gap', () => {
    const store = openStore();
    store.getState().snapshot(newOrganizerSnapshot());
    expect(store.getState().state(newState({ version: 2, phase: 'scoreboard' }))).toBe(false);
    expect(store.getState().view?.state.phase).toBe('scoreboard');
    expect(store.getState().state(newState({ version: 5, phase: 'after' }))).toBe(true);
    expect(store.getState().view?.version).toBe(5);
  });

  it('sends one request at a time', () => {
    const store = openStore();
    expect(store.getState().begin('next')).toBe(false); // nothing to command before a snapshot
    store.getState().snapshot(newOrganizerSnapshot());
    expect(store.getState().begin('next')).toBe(true);
    expect(store.getState().begin('next')).toBe(false);
    expect(store.getState().begin('takeControl')).toBe(false);
    store.getState().finish({ statusCode: 409, code: 'x', message: 'refused' });
    expect(store.getState().pending).toBeNull();
    expect(store.getState().requestError?.message).toBe('refused');
    expect(store.getState().begin('end')).toBe(true);
    expect(store.getState().requestError).toBeNull();
  });

  it('tells this tab when another one takes control, and forgets it when it takes control back', () => {
    const store = openStore('tab-1');
    store.getState().snapshot(newOrganizerSnapshot({ control: newControl('tab-1') }));
    expect(store.getState().controlLostTo).toBeNull();
    store.getState().control(newControl('tab-2', 'Grace'));
    expect(store.getState().controlLostTo).toEqual({ name: 'Grace' });
    store.getState().control(newControl('tab-1'));
    expect(store.getState().controlLostTo).toBeNull();
  });

  it('does not warn a tab that never had control', () => {
    const store = openStore('tab-3');
    store.getState().snapshot(newOrganizerSnapshot({ control: newControl('tab-1') }));
    store.getState().control(newControl('tab-2'));
    expect(store.getState().controlLostTo).toBeNull();
  });

  it('notices a lost control in a fresh snapshot too (after a reconnect)', () => {
    const store = openStore('tab-1');
    store.getState().snapshot(newOrganizerSnapshot({ control: newControl('tab-1') }));
    store.getState().snapshot(newOrganizerSnapshot({ control: newControl('tab-2', 'Grace') }));
    expect(store.getState().controlLostTo).toEqual({ name: 'Grace' });
  });

  it('starts over when another meeting is opened, not when the same one is reopened', () => {
    const store = openStore();
    store.getState().snapshot(newOrganizerSnapshot());
    store.getState().open(MEETING_ID, 'tab-1');
    expect(store.getState().view).not.toBeNull();
    store.getState().open('another', 'tab-1');
    expect(store.getState().view).toBeNull();
  });
});
