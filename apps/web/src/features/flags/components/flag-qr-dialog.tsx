import type { FlagDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { flagJoinUrl } from '../model/flag-qr';
import { FlagQrCode } from './flag-qr-code';

export interface FlagQrDialogProps {
  flag: FlagDto | null;
  scope: string;
  onClose: () => void;
}

/** A flag's QR code, large, with what it is worth: print it and hide it in the room. */
export function FlagQrDialog({ flag, scope, onClose }: FlagQrDialogProps) {
  const { t } = useTranslation();
  const url = flag ? flagJoinUrl(window.location.origin, flag.code) : '';
  return (
    <Dialog
      open={flag !== null}
      onClose={onClose}
      title={t('flags.qrTitle', { name: flag?.name ?? '' })}
      description={t('flags.qrDescription')}
      closeLabel={t('common.close')}
      data-testid="flag-qr-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t('common.close')}
          </Button>
          <Button variant="primary" onClick={() => window.print()} data-testid="print-flag">
            {t('flags.print')}
          </Button>
        </>
      }
    >
      {flag ? (
        // Only this sheet is printed (see flags.css): the page behind the dialog is hidden.
        <div className="flag-sheet" data-testid="flag-sheet">
          <p className="flag-sheet__name">{flag.name}</p>
          <FlagQrCode value={url} label={t('flags.qrLabel', { name: flag.name })} size={260} />
          <p className="flag-sheet__points">{t('flags.pointsValue', { count: flag.points })}</p>
          <p className="flag-sheet__code">
            {t('flags.fields.code')}: <code>{flag.code}</code>
          </p>
          <p className="flag-sheet__scope">{scope}</p>
          <p className="flag-sheet__url">
            <code data-testid="flag-url">{url}</code>
          </p>
        </div>
      ) : null}
    </Dialog>
  );
}
