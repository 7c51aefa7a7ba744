import type { LiveStateDto, MeetingCommand } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { canSend, DASHBOARD_COMMANDS, suggestedCommand } from '../model/live-commands';
import type { LiveRequest } from '../model/live.store';

export interface LiveControlsProps {
  state: LiveStateDto;
  /** Only the controlling tab may send; the others see the same buttons, disabled. */
  enabled: boolean;
  pending: LiveRequest | null;
  onCommand: (command: MeetingCommand) => void;
}

export function LiveControls({ state, enabled, pending, onCommand }: LiveControlsProps) {
  const { t } = useTranslation();
  const suggested = suggestedCommand(state);
  return (
    <div className="live-controls" role="toolbar" aria-label={t('live.commands.label')}>
      {DASHBOARD_COMMANDS.map((command) => (
        <Button
          key={command}
          variant={command === 'end' ? 'danger' : command === suggested ? 'primary' : 'secondary'}
          className={command === 'end' ? 'live-controls__end' : undefined}
          // Disabled while anything is in flight: a double click sends one command.
          disabled={!enabled || pending !== null || !canSend(state, command)}
          pending={pending === command}
          onClick={() => onCommand(command)}
          data-testid={`cmd-${command}`}
        >
          {t(`live.commands.${command}`)}
        </Button>
      ))}
    </div>
  );
}
