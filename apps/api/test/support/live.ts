import type {
  Ack,
  ClientToServerEvents,
  LiveStateDto,
  MeetingCommand,
  MeetingSnapshotDto,
  QuestionResultsDto,
  ScoreboardDto,
} from '@podium/contracts';
import { connectSocket, type TestSocket } from './sockets';

type AckedEvent = {
  [E in keyof ClientToServerEvents]: Parameters<ClientToServerEvents[E]> extends [unknown, unknown]
    ? E
    : never;
}[keyof ClientToServerEvents];
type RequestOf<E extends AckedEvent> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends AckedEvent> = Parameters<ClientToServerEvents[E]>[1] extends (result: infer R) => void
  ? R
  : never;

/** Emits an event that takes an acknowledgement and resolves with it. */
export function emitAck<E extends AckedEvent>(
  socket: TestSocket,
  event: E,
  request: RequestOf<E>,
  ms = 10_000,
): Promise<AckOf<E>> {
  const emitter = socket.timeout(ms) as unknown as {
    emit(e: string, r: unknown, cb: (error: Error | null, result: unknown) => void): void;
  };
  return new Promise((resolve, reject) => {
    emitter.emit(event, request, (error, result) => (error ? reject(error) : resolve(result as AckOf<E>)));
  });
}

/** The data of a successful ack; fails the test with the error body otherwise. */
export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** A socket that has joined one meeting and keeps the latest of everything pushed to it. */
export class LiveClient {
  state: LiveStateDto | null = null;
  results: QuestionResultsDto | null = null;
  scoreboard: ScoreboardDto | null = null;
  resultPushes = 0;
  readonly events: { event: string; payload: unknown }[] = [];

  private constructor(readonly socket: TestSocket) {
    socket.on('meeting.state', ({ results, ...s }) => {
      this.state = s;
      // Final results may ride with the state (attendees and overlays).
      if (results) this.results = results;
      this.events.push({ event: 'meeting.state', payload: s });
    });
    socket.on('meeting.results', (r) => {
      this.results = r.results;
      this.resultPushes += 1;
    });
    socket.on('meeting.scoreboard', (s) => {
      this.scoreboard = s.scoreboard;
    });
    socket.onAny((event: string, payload: unknown) => {
      if (event !== 'meeting.state') this.events.push({ event, payload });
    });
  }

  static async open(
    baseUrl: string,
    meetingId: string,
    auth: { cookie?: string; attendeeToken?: string; overlayToken?: string },
    clientId?: string,
  ): Promise<{ client: LiveClient; snapshot: MeetingSnapshotDto }> {
    const { socket } = await connectSocket(baseUrl, auth);
    const client = new LiveClient(socket);
    const snapshot = okData(await emitAck(socket, 'meeting.join', { meetingId, clientId }));
    client.state = snapshot.state;
    client.results = snapshot.results;
    if ('scoreboard' in snapshot) client.scoreboard = snapshot.scoreboard;
    return { client, snapshot };
  }

  command(meetingId: string, command: MeetingCommand) {
    return emitAck(this.socket, 'meeting.command', { meetingId, command });
  }

  close(): void {
    this.socket.close();
  }
}

/** Polls `read` until `accept` holds (pushes arrive on a tick), failing after `ms`. */
export async function eventually<T>(read: () => T, accept: (value: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Splits CSV text into rows of cells (RFC 4180 quoting). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
