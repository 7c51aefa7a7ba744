import { isInControl, type MeetingView } from '@podium/ui';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';

export interface ControlBannerProps {
  view: MeetingView;
  clientId: string;
  taking: boolean;
  onTakeControl: () => void;
}

/** Who drives the meeting; read-only dashboards may take over unless they are viewers. */
export function ControlBanner({ view, clientId, taking, onTakeControl }: ControlBannerProps) {
  const { t } = useTranslation();
  const mine = isInControl(view, clientId);
  const holder = view.control?.controllerClientId
    ? (view.control.controllerName ?? t('live.control.someone'))
    : null;
  const text = mine
    ? t('live.control.inControl')
    : !view.canControl
      ? t('live.control.viewer')
      : holder
        ? t('live.control.readOnly', { name: holder })
        : t('live.control.nobody');
  return (
    <div
      className={`live-control ${mine ? 'live-control--mine' : 'live-control--read-only'}`}
      data-testid="control-banner"
      data-state={mine ? 'in-control' : 'read-only'}
      role="status"
    >
      <span className="live-control__dot" aria-hidden="true" />
      <span className="live-control__text">{text}</span>
      {!mine && view.canControl ? (
        <Button
          variant="primary"
          size="sm"
          pending={taking}
          onClick={onTakeControl}
          data-testid="take-control"
        >
          {t('live.control.take')}
        </Button>
      ) : null}
    </div>
  );
}
