import { randomUUID } from 'node:crypto';
import type {
  Ack,
  ClientToServerEvents,
  JoinedMeetingDto,
  LiveStateDto,
  MeDto,
  MeetingCommand,
  MeetingDto,
  MeetingSnapshotDto,
  QuestionDto,
  ServerToClientEvents,
} from '@podium/contracts';
import { io, type Socket } from 'socket.io-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type Snapshot<A extends MeetingSnapshotDto['audience']> = Extract<MeetingSnapshotDto, { audience: A }>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** Emits and resolves with the ack; rejects when none comes within `ms` (a dead replica). */
export function ask<T>(socket: LiveSocket, event: keyof ClientToServerEvents, payload: unknown, ms = 3_000) {
  const timed = socket.timeout(ms) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<Ack<T>>;
  };
  return timed.emitWithAck(event, payload);
}

function unwrap<T>(what: string, ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`${what}: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/**
 * A Socket.IO client as the web and overlay open theirs: its own connection (`forceNew`),
 * reconnecting by itself after a dropped transport, websocket only.
 */
function openSocket(url: string, options: { cookie?: string; attendeeToken?: string }): LiveSocket {
  const socket: LiveSocket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
    extraHeaders: options.cookie ? { cookie: options.cookie } : undefined,
    auth: options.attendeeToken ? { attendeeToken: options.attendeeToken } : {},
  });
  // As the web and overlay clients do: a server disconnect after a drain notice means "come back".
  let draining = false;
  socket.on('server.draining', () => (draining = true));
  socket.on('disconnect', (reason) => {
    if (reason !== 'io server disconnect' || !draining) return;
    draining = false;
    socket.connect();
  });
  return socket;
}

/** The organizer: set up over HTTP, drives the meeting from one dashboard tab's socket. */
export class Organizer {
  private cookie = '';
  workspaceId = '';
  socket: LiveSocket | null = null;
  private readonly clientId = randomUUID();

  constructor(private readonly baseUrl: string) {}

  async setUp(): Promise<void> {
    const me = await this.http<MeDto>('POST', '/api/setup', {
      email: 'host@example.org',
      password: 'a long enough passphrase',
      displayName: 'Host',
      workspaceName: 'Faults',
    });
    this.workspaceId = me.memberships[0]!.workspaceId;
  }

  async http<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('podium_session='));
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** A meeting of `quizzes` two-choice quiz questions; the first choice of each is correct. */
  async quizMeeting(quizzes: number): Promise<{ meeting: MeetingDto; questions: QuestionDto[] }> {
    const base = `/api/workspaces/${this.workspaceId}/meetings`;
    const meeting = await this.http<MeetingDto>('POST', base, { title: 'Fault quiz' });
    const questions: QuestionDto[] = [];
    for (let i = 0; i < quizzes; i += 1) {
      questions.push(
        await this.http<QuestionDto>('POST', `${base}/${meeting.id}/questions`, {
          type: 'quiz',
          title: `Question ${i + 1}`,
          choices: [
            { label: 'Right', correct: true },
            { label: 'Wrong', correct: false },
          ],
          scoring: 'standard',
        }),
      );
    }
    return { meeting, questions };
  }

  /** Opens the dashboard tab's socket at `url`; it rejoins (same tab id) after every reconnect. */
  async open(url: string, meetingId: string): Promise<Snapshot<'organizer'>> {
    const socket = openSocket(url, { cookie: this.cookie });
    this.socket = socket;
    const joined = new Promise<Snapshot<'organizer'>>((resolve, reject) => {
      socket.on('session.ready', () => {
        ask<MeetingSnapshotDto>(socket, 'meeting.join', { meetingId, clientId: this.clientId }).then(
          (ack) => resolve(unwrap('organizer join', ack) as Snapshot<'organizer'>),
          reject,
        );
      });
    });
    return joined;
  }

  async command(meetingId: string, command: MeetingCommand): Promise<LiveStateDto> {
    if (!this.socket) throw new Error('open the dashboard first');
    return unwrap(command, await ask<LiveStateDto>(this.socket, 'meeting.command', { meetingId, command }));
  }

  /** A fresh snapshot, as a reloaded dashboard would get it. */
  async snapshot(meetingId: string): Promise<Snapshot<'organizer'>> {
    if (!this.socket) throw new Error('open the dashboard first');
    const ack = await ask<MeetingSnapshotDto>(this.socket, 'meeting.join', {
      meetingId,
      clientId: this.clientId,
    });
    return unwrap('organizer snapshot', ack) as Snapshot<'organizer'>;
  }

  close(): void {
    this.socket?.close();
  }
}

/** The outcome of an answer that was eventually stored: acked at once, or found stored on a retry. */
export type AnswerOutcome = 'acked' | 'stored-before';

/**
 * A phone: joins with the code, keeps a socket open that rejoins the meeting on every (re)connect
 * (as the web attendee page does) and records what it saw: disconnects and snapshots, with times.
 */
export class Attendee {
  socket!: LiveSocket;
  joined!: JoinedMeetingDto;
  readonly snapshots: { at: number; snapshot: Snapshot<'attendee'> }[] = [];
  readonly disconnects: number[] = [];
  readonly drainNotices: number[] = [];

  constructor(readonly nickname: string) {}

  get id(): string {
    return this.joined.attendee.id;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  async join(baseUrl: string, joinCode: string): Promise<void> {
    const response = await fetch(`${baseUrl}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: joinCode, nickname: this.nickname }),
    });
    if (response.status !== 201) throw new Error(`join: ${response.status} ${await response.text()}`);
    this.joined = (await response.json()) as JoinedMeetingDto;
  }

  /** Connects to `url` and resolves with the first snapshot. */
  async connect(url: string): Promise<Snapshot<'attendee'>> {
    const meetingId = this.joined.meeting.id;
    this.socket = openSocket(url, { attendeeToken: this.joined.attendeeToken });
    this.socket.on('disconnect', () => this.disconnects.push(Date.now()));
    this.socket.on('server.draining', () => this.drainNotices.push(Date.now()));
    this.socket.on('session.ready', () => {
      ask<MeetingSnapshotDto>(this.socket, 'meeting.join', { meetingId }).then(
        (ack) => {
          if (ack.ok) this.snapshots.push({ at: Date.now(), snapshot: ack.data as Snapshot<'attendee'> });
        },
        () => undefined, // the replica died during the join: the next session.ready asks again
      );
    });
    await until(`${this.nickname}'s first snapshot`, () => this.snapshots.length > 0);
    return this.snapshots[0]!.snapshot;
  }

  /** The first snapshot received after `since` (ms), once there is one. */
  async snapshotAfter(since: number, ms = 10_000): Promise<{ at: number; snapshot: Snapshot<'attendee'> }> {
    await until(`${this.nickname}'s snapshot`, () => this.snapshots.some((s) => s.at > since), ms);
    return this.snapshots.find((s) => s.at > since)!;
  }

  /**
   * Answers until the server has it: an answer sent to a replica that dies is sent again after the
   * reconnect; "already answered" then means the first one had been stored (and kept its time).
   */
  async answer(questionId: string, choiceId: string, ms = 20_000): Promise<AnswerOutcome> {
    const deadline = Date.now() + ms;
    let attempts = 0;
    for (;;) {
      if (Date.now() > deadline) throw new Error(`${this.nickname} could not answer within ${ms} ms`);
      if (!this.socket.connected) {
        await sleep(50);
        continue;
      }
      attempts += 1;
      const payload = { questionId, answer: { type: 'quiz', choiceIds: [choiceId] } };
      const ack = await ask(this.socket, 'answer.submit', payload).catch(() => null);
      if (ack === null) continue; // no ack: the connection went; ask again once back
      if (ack.ok) return 'acked';
      if (ack.error.code === 'answer.already_answered' && attempts > 1) return 'stored-before';
      throw new Error(`${this.nickname}'s answer refused: ${JSON.stringify(ack.error)}`);
    }
  }

  close(): void {
    this.socket?.close();
  }
}
