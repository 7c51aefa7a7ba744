import type { MediaContentType, MediaKind } from '@podium/contracts';

export interface SniffedMedia {
  contentType: MediaContentType;
  kind: MediaKind;
}

function ascii(bytes: Uint8Array, offset: number, text: string): boolean {
  if (bytes.length < offset + text.length) return false;
  for (let i = 0; i < text.length; i += 1) if (bytes[offset + i] !== text.charCodeAt(i)) return false;
  return true;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, i) => bytes[i] === byte);
}

/**
 * What a file is, from its first bytes only: never the name or the content type the client claims.
 * Null for anything Podium does not serve (an HTML page renamed `.png` included).
 */
export function sniffMedia(bytes: Uint8Array): SniffedMedia | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { contentType: 'image/png', kind: 'image' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', kind: 'image' };
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a'))
    return { contentType: 'image/gif', kind: 'image' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return { contentType: 'image/webp', kind: 'image' };
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE')) return { contentType: 'audio/wav', kind: 'audio' };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM declares its DocType near the start; plain Matroska is not served.
    const head = bytes.subarray(0, 64);
    for (let i = 4; i < head.length - 4; i += 1)
      if (ascii(head, i, 'webm')) return { contentType: 'video/webm', kind: 'video' };
    return null;
  }
  if (ascii(bytes, 4, 'ftyp')) return { contentType: 'video/mp4', kind: 'video' };
  if (ascii(bytes, 0, 'OggS')) return { contentType: 'audio/ogg', kind: 'audio' };
  if (ascii(bytes, 0, 'ID3')) return { contentType: 'audio/mpeg', kind: 'audio' };
  // An MPEG audio frame header: 11 sync bits, then layer III.
  const second = bytes[1] ?? 0;
  if (bytes.length >= 4 && bytes[0] === 0xff && (second & 0xe0) === 0xe0 && (second & 0x06) === 0x02) {
    return { contentType: 'audio/mpeg', kind: 'audio' };
  }
  return null;
}
