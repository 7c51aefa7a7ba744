import {
  ANNOUNCEMENT_MAX_INTERVAL_MINUTES,
  ANNOUNCEMENT_MAX_MIN_CHAT_MESSAGES,
  ANNOUNCEMENT_MIN_INTERVAL_MINUTES,
  type AnnouncementDto,
  type ConnectionDto,
} from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/shared/ui/field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { announcementsApi } from '../api/announcements.api';
import {
  ANNOUNCEMENT_FIELDS,
  announcementFormValues,
  buildAnnouncementRequest,
  connectionLabel,
  validateAnnouncementRequest,
} from '../model/announcements.form';
import { BotForm, BotFormDialog } from './bot-form-dialog';
import { useBotItemForm } from './bot-item-form';
import { Checkbox } from '@/shared/ui/checkbox';
import { CheckGroup } from './bots-shell.fields';

export interface AnnouncementsFormDialogProps {
  workspaceId: string;
  announcement: AnnouncementDto | null;
  open: boolean;
  connections: readonly ConnectionDto[];
  onClose: () => void;
}

/** Create or edit a periodic announcement: its messages, period, conditions and targets. */
export function AnnouncementsFormDialog({
  announcement,
  open,
  onClose,
  ...rest
}: AnnouncementsFormDialogProps) {
  const { t } = useTranslation();
  return (
    <BotFormDialog
      open={open}
      onClose={onClose}
      title={
        announcement
          ? t('bots.announcements.editTitle', { name: announcement.name })
          : t('bots.announcements.createTitle')
      }
      description={t('bots.announcements.formDescription')}
      formKey={announcement?.id ?? 'new'}
      data-testid="announcement-dialog"
    >
      <AnnouncementForm announcement={announcement} onClose={onClose} {...rest} />
    </BotFormDialog>
  );
}

function AnnouncementForm({
  workspaceId,
  announcement,
  connections,
  onClose,
}: Omit<AnnouncementsFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const form = useBotItemForm({
    api: announcementsApi,
    workspaceId,
    item: announcement,
    initial: () => announcementFormValues(announcement),
    fields: ANNOUNCEMENT_FIELDS,
    build: (values) => buildAnnouncementRequest(values, connections),
    validate: validateAnnouncementRequest,
    onSaved: onClose,
  });
  const { values, set, errors, bind } = form;

  return (
    <BotForm
      form={form}
      createLabel={t('bots.announcements.create')}
      onCancel={onClose}
      data-testid="announcement-form"
      saveTestId="save-announcement"
    >
      <TextField
        label={t('bots.announcements.fields.name')}
        {...bind('name')}
        required
        autoFocus
        maxLength={80}
        hint={t('bots.announcements.fields.nameHint')}
        data-testid="announcement-name-input"
      />
      <TextAreaField
        label={t('bots.announcements.fields.messages')}
        {...bind('messages')}
        rows={4}
        required
        hint={t('bots.announcements.fields.messagesHint')}
        data-testid="announcement-messages-input"
      />
      <div className="form form--row">
        <TextField
          label={t('bots.announcements.fields.intervalMinutes')}
          {...bind('intervalMinutes')}
          type="number"
          inputMode="numeric"
          required
          min={ANNOUNCEMENT_MIN_INTERVAL_MINUTES}
          max={ANNOUNCEMENT_MAX_INTERVAL_MINUTES}
          step={1}
          data-testid="announcement-interval-input"
        />
        <TextField
          label={t('bots.announcements.fields.minChatMessages')}
          {...bind('minChatMessages')}
          type="number"
          inputMode="numeric"
          min={0}
          max={ANNOUNCEMENT_MAX_MIN_CHAT_MESSAGES}
          step={1}
          hint={t('bots.announcements.fields.minChatMessagesHint')}
          data-testid="announcement-min-chat-input"
        />
      </div>
      <Checkbox
        label={t('bots.announcements.fields.liveOnly')}
        checked={values.liveOnly}
        onChange={(liveOnly) => set('liveOnly', liveOnly)}
        data-testid="announcement-live-only-input"
      />
      <CheckGroup
        legend={t('bots.announcements.fields.connections')}
        hint={t('bots.announcements.fields.connectionsHint')}
        error={errors['connectionIds']}
        options={connections.map((connection) => ({
          value: connection.id,
          label: connectionLabel(connection, t(`bots.platforms.${connection.platform}`)),
        }))}
        selected={values.connectionIds}
        onChange={(connectionIds) => set('connectionIds', connectionIds)}
        testId="announcement-connections"
      />
    </BotForm>
  );
}
