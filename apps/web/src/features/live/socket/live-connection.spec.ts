import type { Ack, MeetingSnapshotDto } from '@podium/contracts';
import { createLiveStore } from '../model/live.store';
import { MEETING_ID, newControl, newOrganizerSnapshot, newState } from '@podium/ui/testing';
import { connectLive } from './live-connection';

type Listener = (payload: unknown) => void;
type AckFn = (err: Error | null, ack: unknown) => void;

/** Just enough of a socket.io client: records emits and lets the test answer their acks. */
class FakeSocket {
  connected = true;
  listeners = new Map<string, Set<Listener>>();
  sent: { event: string; payload: unknown; ack?: AckFn }[] = [];

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)?.add(listener);
    return this;
  }
  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }
  emit(event: string, payload: unknown, ack?: AckFn) {
    this.sent.push({ event, payload, ack });
    return this;
  }
  timeout() {
    return { emit: (event: string, payload: unknown, ack: AckFn) => this.emit(event, payload, ack) };
  }
  push(event: string, payload: unknown) {
    for (const listener of this.listeners.get(event) ?? []) listener(payload);
  }
  listenerCount(): number {
    return [...this.listeners.values()].reduce((sum, set) => sum + set.size, 0);
  }
  sentOf(event: string) {
    return this.sent.filter((s) => s.event === event);
  }
  answer(index: number, ack: Ack<unknown>) {
    this.sent[index]?.ack?.(null, ack);
  }
}

function setup(clientId: string | null = 'tab-1', connected = true) {
  const socket = new FakeSocket();
  socket.connected = connected;
  const store = createLiveStore();
  store.getState().open(MEETING_ID, clientId);
  const live = connectLive(socket as unknown as Parameters<typeof connectLive>[0], store, MEETING_ID);
  return { socket, store, live };
}

const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
const snapshot = (version = 1): MeetingSnapshotDto => newOrganizerSnapshot({ state: newState({ version }) });

describe('connectLive', () => {
  it('joins right away with the tab id and keeps the snapshot', () => {
    const { socket, store } = setup();
    expect(socket.sent[0]).toMatchObject({
      event: 'meeting.join',
      payload: { meetingId: MEETING_ID, clientId: 'tab-1' },
    });
    socket.answer(0, ok(snapshot()));
    expect(store.getState().view?.version).toBe(1);
  });

  it('joins the room screen without a tab id, so it never takes control', () => {
    const { socket } = setup(null);
    expect(socket.sent[0]?.payload).toEqual({ meetingId: MEETING_ID });
  });

  it('waits for the connection, then joins on every session.ready', () => {
    const { socket } = setup('tab-1', false);
    expect(socket.sentOf('meeting.join')).toHaveLength(0);
    socket.connected = true;
    socket.push('session.ready', {});
    socket.push('session.ready', {});
    expect(socket.sentOf('meeting.join')).toHaveLength(2);
  });

  it('keeps only the latest join answer', () => {
    const { socket, store } = setup();
    socket.push('session.ready', {});
    socket.answer(1, ok(snapshot(7)));
    socket.answer(0, ok(snapshot(3)));
    expect(store.getState().view?.version).toBe(7);
  });

  // The server enters the rooms before it reads the snapshot: a command committed after that read
  // is pushed before the join's answer, and the answer carries the older state.
  it('keeps a push that comes before the first snapshot and is newer than it', () => {
    const { socket, store } = setup();
    socket.push('meeting.state', newState({ version: 2, phase: 'question_open' }));
    expect(store.getState().view).toBeNull();
    socket.answer(0, ok(snapshot(1)));
    expect(store.getState().view?.version).toBe(2);
    expect(store.getState().view?.state.phase).toBe('question_open');
    expect(socket.sentOf('meeting.join')).toHaveLength(1);
  });

  it('keeps a push that comes while a re-join is in flight over the older snapshot it answers', () => {
    const { socket, store } = setup();
    socket.answer(0, ok(snapshot(1)));
    socket.push('meeting.changed', { meetingId: MEETING_ID });
    socket.push('meeting.state', newState({ version: 2, phase: 'question_open' }));
    socket.push('meeting.control', newControl('tab-2'));
    socket.answer(1, ok(snapshot(1)));
    expect(store.getState().view?.version).toBe(2);
    expect(store.getState().view?.control?.controllerClientId).toBe('tab-2');
    socket.push('meeting.state', newState({ version: 3, phase: 'question_closed' }));
    expect(store.getState().view?.state.phase).toBe('question_closed');
    expect(socket.sentOf('meeting.join')).toHaveLength(2);
  });

  it('re-joins when a push skips versions', () => {
    const { socket } = setup();
    socket.answer(0, ok(snapshot(1)));
    socket.push('meeting.state', newState({ version: 2 }));
    expect(socket.sentOf('meeting.join')).toHaveLength(1);
    socket.push('meeting.state', newState({ version: 4 }));
    expect(socket.sentOf('meeting.join')).toHaveLength(2);
    socket.push('meeting.results', {
      meetingId: MEETING_ID,
      version: 9,
      results: { type: 'slide', questionId: 'x' },
      present: 0,
    });
    expect(socket.sentOf('meeting.join')).toHaveLength(3);
  });

  it('ignores pushes about other meetings', () => {
    const { socket, store } = setup();
    socket.answer(0, ok(snapshot(1)));
    socket.push('meeting.state', newState({ meetingId: 'other', version: 2, phase: 'after' }));
    socket.push('meeting.control', { ...newControl('tab-9'), meetingId: 'other' });
    expect(store.getState().view?.state.phase).toBe('waiting');
    expect(store.getState().view?.control?.controllerClientId).toBe('tab-1');
  });

  it('sends a command against the current version, once, and applies the ack', async () => {
    const { socket, store, live } = setup();
    socket.answer(0, ok(snapshot(4)));
    const first = live.command('next');
    const second = live.command('next');
    const commands = socket.sentOf('meeting.command');
    expect(commands).toHaveLength(1);
    expect(commands[0]?.payload).toEqual({ meetingId: MEETING_ID, command: 'next', expectedVersion: 4 });
    expect(store.getState().pending).toBe('next');
    commands[0]?.ack?.(null, ok(newState({ version: 5, phase: 'question_open' })));
    await Promise.all([first, second]);
    expect(store.getState().pending).toBeNull();
    expect(store.getState().view?.state.phase).toBe('question_open');
  });

  it('shows a refused command and resyncs on a conflict', async () => {
    const { socket, store, live } = setup();
    socket.answer(0, ok(snapshot(4)));
    const sent = live.command('close');
    socket.sentOf('meeting.command')[0]?.ack?.(null, {
      ok: false,
      error: { statusCode: 409, code: 'meeting.illegal_transition', message: 'Nothing is open.' },
    });
    await sent;
    expect(store.getState().requestError?.message).toBe('Nothing is open.');
    expect(socket.sentOf('meeting.join')).toHaveLength(2);
  });

  it('reports an offline command without sending it', async () => {
    const { socket, store, live } = setup();
    socket.answer(0, ok(snapshot(4)));
    socket.connected = false;
    await live.command('next');
    expect(socket.sentOf('meeting.command')).toHaveLength(0);
    expect(store.getState().requestError?.code).toBe('client.network_unreachable');
    expect(store.getState().pending).toBeNull();
  });

  it('takes control with the tab id and applies the new controller', async () => {
    const { socket, store, live } = setup('tab-2');
    socket.answer(0, ok(newOrganizerSnapshot({ control: newControl('tab-1') })));
    const taking = live.takeControl();
    const request = socket.sentOf('meeting.takeControl')[0];
    expect(request?.payload).toEqual({ meetingId: MEETING_ID, clientId: 'tab-2' });
    request?.ack?.(null, ok(newControl('tab-2')));
    await taking;
    expect(store.getState().view?.control?.controllerClientId).toBe('tab-2');
  });

  it('moderates Q&A with the meeting id', async () => {
    const { socket, live } = setup();
    const moderated = live.moderate({ entryId: 'e1', pinned: true });
    const request = socket.sentOf('qa.moderate')[0];
    expect(request?.payload).toEqual({ entryId: 'e1', pinned: true, meetingId: MEETING_ID });
    request?.ack?.(null, ok(null));
    await expect(moderated).resolves.toEqual({ ok: true, data: null });
  });

  it('removes only its own listeners and leaves the meeting on stop', () => {
    const { socket, live } = setup();
    const foreign = () => undefined;
    socket.on('meeting.state', foreign);
    live.stop();
    expect(socket.listenerCount()).toBe(1);
    expect(socket.sentOf('meeting.leave')[0]?.payload).toEqual({ meetingId: MEETING_ID });
  });
});
