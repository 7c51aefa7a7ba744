import { useMemo } from 'react';
import { qrMatrix } from '../model/flag-qr';

/** A QR code as crisp SVG (prints sharply at any size); `label` is what a screen reader hears. */
export function FlagQrCode({ value, label, size = 240 }: { value: string; label: string; size?: number }) {
  const qr = useMemo(() => qrMatrix(value), [value]);
  return (
    <svg
      className="flag-qr"
      viewBox={`0 0 ${qr.size} ${qr.size}`}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="flag-qr-code"
    >
      {/* Always dark on white, whatever the theme: scanners expect it. */}
      <rect width={qr.size} height={qr.size} fill="#ffffff" />
      <path d={qr.path} fill="#000000" />
    </svg>
  );
}
