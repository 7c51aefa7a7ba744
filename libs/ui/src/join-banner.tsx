import { QrCode } from './qr-code';
import { joinCodeHalves } from './results-math';
import { classNames } from './results-labels';

export interface JoinBannerLabels {
  /** Before the address: "Join at" */
  joinAt: string;
  /** Before the code: "with the code" */
  withCode: string;
  /** The QR code's text alternative. */
  qr: (url: string) => string;
}

const DEFAULT_LABELS: JoinBannerLabels = {
  joinAt: 'Join at',
  withCode: 'with the code',
  qr: (url) => `QR code to join: ${url}`,
};

/** The address people type, without the scheme (`podium.example/join`). */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export interface JoinBannerProps {
  joinCode: string;
  /** Where people type the code, e.g. `${origin}/join`. */
  joinUrl: string;
  /** What the QR code opens, usually `${joinUrl}/${joinCode}`; defaults to that. */
  qrUrl?: string;
  /** CSS size of the QR code. */
  qrSize?: string;
  labels?: Partial<JoinBannerLabels>;
  className?: string;
}

export function JoinBanner({
  joinCode,
  joinUrl,
  qrUrl,
  qrSize = '14rem',
  labels,
  className,
}: JoinBannerProps) {
  const text = { ...DEFAULT_LABELS, ...labels };
  const target = qrUrl ?? `${joinUrl.replace(/\/$/, '')}/${joinCode}`;
  const [first, second] = joinCodeHalves(joinCode);
  return (
    <section className={classNames('pd-join', className)} data-testid="join-banner">
      <div className="pd-join__text">
        <p className="pd-join__at">
          {text.joinAt} <strong className="pd-join__url">{displayUrl(joinUrl)}</strong>
        </p>
        <p className="pd-join__with">{text.withCode}</p>
        <p className="pd-join__code">
          {/* Letter by letter for screen readers; the visible code stays one unspaced text for copying. */}
          <span className="pd-sr-only">{joinCode.split('').join(' ')}</span>
          <span className="pd-join__halves" aria-hidden="true" data-testid="join-code">
            <span>{first}</span>
            <span>{second}</span>
          </span>
        </p>
      </div>
      <QrCode value={target} label={text.qr(target)} size={qrSize} className="pd-join__qr" />
    </section>
  );
}
