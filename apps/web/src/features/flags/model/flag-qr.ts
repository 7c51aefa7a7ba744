import { encode } from 'uqr';

/** What a flag's QR code opens: the attendee join page, which captures the flag once joined. */
export function flagJoinUrl(origin: string, code: string): string {
  const url = new URL('/join', origin);
  url.searchParams.set('flag', code);
  return url.toString();
}

/**
 * An SVG path drawing the dark modules of a QR matrix, one unit per module. Horizontal runs are
 * merged into one rectangle each, which keeps the path short and leaves no hairline seams.
 */
export function qrModulesPath(modules: readonly (readonly boolean[])[]): string {
  const parts: string[] = [];
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  });
  return parts.join('');
}

/** The module matrix of a QR code for `text` (with a quiet zone), ready for `qrModulesPath`. */
export function qrMatrix(text: string): { size: number; path: string } {
  // Medium error correction survives a crease or a glare on a printed sheet.
  const qr = encode(text, { ecc: 'M', border: 4 });
  return { size: qr.size, path: qrModulesPath(qr.data) };
}
