import type { AutoResponseDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { Badge } from '@/shared/ui/badge';
import { autoResponsesApi } from '../api/auto-responses.api';
import { AutoResponsesFormDialog } from './auto-responses-form-dialog';
import { BotCooldowns } from './bot-list-parts';
import { BotListTab } from './bot-list-tab';
import { usePlatformNames } from './bots-shell.fields';
import type { BotsTabProps } from './bots-shell.tabs';
import { SandboxPanel } from './sandbox-panel';

/** Auto-responses: answers to messages that mention a term, without a prefix. */
export function AutoResponsesTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const platformNames = usePlatformNames();
  const nameOf = (autoResponse: AutoResponseDto) => autoResponse.terms.join(', ');

  return (
    <BotListTab<AutoResponseDto>
      workspaceId={workspaceId}
      canEdit={canEdit}
      api={autoResponsesApi}
      kind="auto-response"
      texts={{
        listTitle: t('bots.autoResponses.listTitle'),
        newLabel: t('bots.autoResponses.new'),
        emptyTitle: t('bots.autoResponses.emptyTitle'),
        emptyBody: t('bots.autoResponses.emptyBody'),
        deleteTitle: () => t('bots.autoResponses.deleteTitle'),
        deleteBody: t('bots.autoResponses.deleteBody'),
      }}
      nameOf={nameOf}
      renderMain={(autoResponse) => (
        <>
          <p className="row-list__title">{nameOf(autoResponse)}</p>
          <p className="row-list__meta bot-row__meta">
            <Badge tone="accent">{t(`bots.autoResponses.modes.${autoResponse.matchMode}`)}</Badge>
            <BotCooldowns item={autoResponse} />
            <span>{platformNames(autoResponse.platforms)}</span>
          </p>
          <p className="row-list__meta bot-preview__line">{autoResponse.responses[0]}</p>
        </>
      )}
      renderDialog={({ item, open, onClose }) => (
        <AutoResponsesFormDialog
          workspaceId={workspaceId}
          autoResponse={item}
          open={open}
          onClose={onClose}
        />
      )}
    >
      {canEdit ? <SandboxPanel workspaceId={workspaceId} /> : null}
    </BotListTab>
  );
}
