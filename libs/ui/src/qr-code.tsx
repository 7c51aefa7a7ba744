import { encode } from 'uqr';

export interface QrRect {
  x: number;
  y: number;
  width: number;
}

/** Dark modules of the code as horizontal runs: one rect per run keeps the SVG small. */
export function qrRects(value: string, border = 2): { size: number; rects: QrRect[] } {
  const qr = encode(value, { ecc: 'M', border });
  const rects: QrRect[] = [];
  qr.data.forEach((row, y) => {
    let start = -1;
    row.forEach((dark, x) => {
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        rects.push({ x: start, y, width: x - start });
        start = -1;
      }
    });
    if (start >= 0) rects.push({ x: start, y, width: row.length - start });
  });
  return { size: qr.size, rects };
}

export interface QrCodeProps {
  value: string;
  /** What a screen reader says, e.g. "QR code to join: https://…". */
  label?: string;
  /** CSS size; the code scales without blurring. */
  size?: string;
  className?: string;
}

/** Always dark on white (with a quiet zone): inverted or transparent codes scan badly. */
export function QrCode({ value, label, size = '12rem', className }: QrCodeProps) {
  const { size: modules, rects } = qrRects(value);
  return (
    <svg
      className={['pd-qr', className].filter(Boolean).join(' ')}
      role="img"
      aria-label={label ?? `QR code: ${value}`}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-testid="qr-code"
    >
      <rect width={modules} height={modules} fill="#fff" />
      {rects.map((rect) => (
        <rect key={`${rect.x}-${rect.y}`} x={rect.x} y={rect.y} width={rect.width} height={1} fill="#000" />
      ))}
    </svg>
  );
}
