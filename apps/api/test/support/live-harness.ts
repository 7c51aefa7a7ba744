import type {
  Ack,
  AnswerInput,
  ApiErrorDto,
  ClientToServerEvents,
  JoinedMeetingDto,
  MeetingCommand,
  MeetingDto,
  MeetingSnapshotDto,
  QuestionDto,
  ServerToClientEvents,
} from '@podium/contracts';
import { joinMeeting, type newOwner } from './factories';
import { connectSocket, type TestSocket } from './sockets';
import type { TestApp } from './test-app';
import type { TestDatabase } from './test-database';

export type Owner = Awaited<ReturnType<typeof newOwner>>;
export type Snapshot<A extends MeetingSnapshotDto['audience']> = Extract<MeetingSnapshotDto, { audience: A }>;

type RequestOf<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends keyof ClientToServerEvents> = Parameters<
  Extract<Parameters<ClientToServerEvents[E]>[1], (...args: never[]) => void>
>[0];

/** Emits a client event and resolves with its ack, typed from the contract. */
export function request<E extends keyof ClientToServerEvents>(
  socket: TestSocket,
  event: E,
  payload: RequestOf<E>,
): Promise<AckOf<E>> {
  const timed = socket.timeout(5_000) as unknown as {
    emitWithAck(event: string, payload: unknown): Promise<AckOf<E>>;
  };
  return timed.emitWithAck(event, payload);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${JSON.stringify(ack.error)}`);
  return ack.data;
}

export function failed<T>(ack: Ack<T>): ApiErrorDto {
  if (ack.ok) throw new Error(`expected an error, got ${JSON.stringify(ack.data)}`);
  return ack.error;
}

/** Every payload of `event` the socket receives from now on. */
export function record<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  (socket as unknown as { on(e: string, l: (p: unknown) => void): void }).on(event, (payload) =>
    seen.push(payload as Parameters<ServerToClientEvents[E]>[0]),
  );
  return seen;
}

export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  ms = 5_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A live-run harness on one app: organizer dashboards and attendee phones as real sockets. */
export class LiveHarness {
  readonly sockets: TestSocket[] = [];

  constructor(
    readonly app: TestApp,
    readonly db?: TestDatabase,
  ) {}

  async organizer(cookie: string | undefined, meetingId: string, clientId?: string) {
    const { socket } = await connectSocket(this.app.baseUrl, { cookie });
    this.sockets.push(socket);
    const ack = await request(socket, 'meeting.join', { meetingId, clientId });
    return { socket, snapshot: ok(ack) as Snapshot<'organizer'> };
  }

  async attendee(meeting: Pick<MeetingDto, 'id' | 'joinCode'>, nickname?: string) {
    const joined: JoinedMeetingDto = await joinMeeting(this.app.baseUrl, meeting.joinCode, nickname);
    const { socket } = await connectSocket(this.app.baseUrl, { attendeeToken: joined.attendeeToken });
    this.sockets.push(socket);
    const ack = await request(socket, 'meeting.join', { meetingId: meeting.id });
    return { socket, joined, snapshot: ok(ack) as Snapshot<'attendee'> };
  }

  command(socket: TestSocket, meetingId: string, command: MeetingCommand, expectedVersion?: number) {
    return request(socket, 'meeting.command', { meetingId, command, expectedVersion });
  }

  answer(socket: TestSocket, questionId: string, answer: AnswerInput) {
    return request(socket, 'answer.submit', { questionId, answer });
  }

  async answerRows(questionId: string) {
    return this.db!.query<{ attendee_id: string; payload: unknown; correct: boolean | null; points: number }>(
      'select attendee_id, payload, correct, points from answers where question_id = $1',
      [questionId],
    );
  }

  async liveVersion(meetingId: string): Promise<number> {
    const [row] = await this.db!.query<{ live_version: number }>(
      'select live_version from meetings where id = $1',
      [meetingId],
    );
    return row!.live_version;
  }

  close(): void {
    for (const socket of this.sockets) socket.close();
  }
}

export function choiceIdsOf(question: QuestionDto): string[] {
  return question.type === 'poll' || question.type === 'quiz' ? question.choices.map((c) => c.id) : [];
}
