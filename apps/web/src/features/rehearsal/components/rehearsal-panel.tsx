import { useTranslation } from 'react-i18next';
import { useErrorText } from '@/shared/ui/form-error';
import { Alert } from '@/shared/ui/alert';
import { Spinner } from '@/shared/ui/spinner';
import { useRehearsalStatus } from '../api/rehearsal.api';
import { BurstControl, StreamToggle } from './stream-and-burst';
import { ViewerControls } from './viewer-controls';
import './rehearsal.css';

/** Rehearsal mode's controls: a fake viewer's messages and events, the simulated stream, bursts. */
export function RehearsalPanel({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const status = useRehearsalStatus(workspaceId);
  if (status.isError) {
    return <Alert tone="error">{t('rehearsal.loadError', { message: errorText(status.error) })}</Alert>;
  }
  if (!status.data) return <Spinner />;
  return (
    <div className="rehearsal-panel" data-testid="rehearsal-panel">
      <ViewerControls workspaceId={workspaceId} />
      <StreamToggle workspaceId={workspaceId} status={status.data} />
      <BurstControl workspaceId={workspaceId} />
    </div>
  );
}
