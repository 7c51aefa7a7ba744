import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** RFC 6455's fixed GUID for the handshake answer. */
const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/**
 * The server side of one WebSocket (RFC 6455) on node built-ins: enough for a fake EventSub
 * WebSocket server (text frames out, close and ping in). Server frames are never masked.
 */
export class FakeWebSocket {
  private buffered = Buffer.alloc(0);
  private closed = false;
  readonly received: string[] = [];
  private readonly closeListeners: (() => void)[] = [];

  private constructor(private readonly socket: Duplex) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('close', () => this.markClosed());
    socket.on('error', () => this.markClosed());
  }

  /** Answers the HTTP upgrade; returns undefined (and refuses) when it is not a WebSocket handshake. */
  static accept(request: IncomingMessage, socket: Duplex): FakeWebSocket | undefined {
    const key = request.headers['sec-websocket-key'];
    if (typeof key !== 'string' || request.headers.upgrade?.toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return undefined;
    }
    const accept = createHash('sha1')
      .update(key + HANDSHAKE_GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    return new FakeWebSocket(socket);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  sendText(text: string): void {
    if (this.closed) return;
    this.socket.write(frame(0x1, Buffer.from(text, 'utf8')));
  }

  /** A close frame with a status code (Twitch uses 4000-range codes), then the TCP close. */
  close(code = 1000, reason = ''): void {
    if (this.closed) return;
    const body = Buffer.alloc(2 + Buffer.byteLength(reason));
    body.writeUInt16BE(code, 0);
    body.write(reason, 2);
    this.socket.write(frame(0x8, body));
    this.socket.end();
    this.markClosed();
  }

  /** Drops the connection without a close frame, the way a network failure looks. */
  terminate(): void {
    this.socket.destroy();
    this.markClosed();
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) listener();
  }

  private onData(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const parsed = readFrame(this.buffered);
      if (!parsed) return;
      this.buffered = this.buffered.subarray(parsed.length);
      if (parsed.opcode === 0x8) {
        this.close(1000);
        return;
      }
      if (parsed.opcode === 0x9) this.socket.write(frame(0xa, parsed.payload));
      if (parsed.opcode === 0x1) this.received.push(parsed.payload.toString('utf8'));
    }
  }
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header = length < 126 ? Buffer.alloc(2) : length < 65_536 ? Buffer.alloc(4) : Buffer.alloc(10);
  header[0] = 0x80 | opcode;
  if (length < 126) header[1] = length;
  else if (length < 65_536) {
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  return Buffer.concat([header, payload]);
}

/** One complete client frame at the start of `data`, unmasked, or undefined while incomplete. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; length: number } | undefined {
  if (data.length < 2) return undefined;
  const opcode = data.readUInt8(0) & 0x0f;
  const masked = (data.readUInt8(1) & 0x80) !== 0;
  let length = data.readUInt8(1) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return undefined;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return undefined;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLength = masked ? 4 : 0;
  if (data.length < offset + maskLength + length) return undefined;
  const payload = Buffer.from(data.subarray(offset + maskLength, offset + maskLength + length));
  if (masked) {
    for (let i = 0; i < payload.length; i += 1)
      payload.writeUInt8(payload.readUInt8(i) ^ data.readUInt8(offset + (i % 4)), i);
  }
  return { opcode, payload, length: offset + maskLength + length };
}
