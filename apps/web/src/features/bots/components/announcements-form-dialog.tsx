import {
  ANNOUNCEMENT_MAX_INTERVAL_MINUTES,
  ANNOUNCEMENT_MAX_MIN_CHAT_MESSAGES,
  ANNOUNCEMENT_MIN_INTERVAL_MINUTES,
  type AnnouncementDto,
  type ConnectionDto,
} from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { Dialog } from '@/shared/ui/dialog';
import { TextField } from '@/shared/ui/field';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { announcementsApi } from '../api/announcements.api';
import {
  ANNOUNCEMENT_FIELDS,
  announcementFormValues,
  buildAnnouncementRequest,
  connectionLabel,
  validateAnnouncementRequest,
  type AnnouncementFormValues,
} from '../model/announcements.form';
import type { FieldIssue } from '../model/bots-shell.form';
import { BotCheckbox, BotFormError, CheckGroup, useBotFieldErrors } from './bots-shell.fields';

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
    <Dialog
      open={open}
      onClose={onClose}
      title={
        announcement
          ? t('bots.announcements.editTitle', { name: announcement.name })
          : t('bots.announcements.createTitle')
      }
      description={t('bots.announcements.formDescription')}
      closeLabel={t('common.close')}
      data-testid="announcement-dialog"
    >
      {open ? (
        <AnnouncementForm
          key={announcement?.id ?? 'new'}
          announcement={announcement}
          onClose={onClose}
          {...rest}
        />
      ) : null}
    </Dialog>
  );
}

function AnnouncementForm({
  workspaceId,
  announcement,
  connections,
  onClose,
}: Omit<AnnouncementsFormDialogProps, 'open'>) {
  const { t } = useTranslation();
  const create = announcementsApi.useCreate(workspaceId);
  const update = announcementsApi.useUpdate(workspaceId);
  const mutation = announcement ? update : create;
  const [values, setValues] = useState<AnnouncementFormValues>(() => announcementFormValues(announcement));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const errors = useBotFieldErrors(issues, mutation.error, ANNOUNCEMENT_FIELDS);

  const set = <K extends keyof AnnouncementFormValues>(key: K, value: AnnouncementFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const request = buildAnnouncementRequest(values, connections);
    const found = validateAnnouncementRequest(request);
    setIssues(found);
    if (found.length > 0) return;
    if (announcement) update.mutate({ id: announcement.id, request }, { onSuccess: onClose });
    else create.mutate(request, { onSuccess: onClose });
  };

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="announcement-form">
      <BotFormError error={issues.length > 0 ? null : mutation.error} fields={ANNOUNCEMENT_FIELDS} />
      <TextField
        label={t('bots.announcements.fields.name')}
        name="name"
        required
        autoFocus
        maxLength={80}
        hint={t('bots.announcements.fields.nameHint')}
        value={values.name}
        onChange={(event) => set('name', event.currentTarget.value)}
        error={errors['name']}
        data-testid="announcement-name-input"
      />
      <TextAreaField
        label={t('bots.announcements.fields.messages')}
        name="messages"
        rows={4}
        required
        hint={t('bots.announcements.fields.messagesHint')}
        value={values.messages}
        onChange={(event) => set('messages', event.currentTarget.value)}
        error={errors['messages']}
        data-testid="announcement-messages-input"
      />
      <div className="form form--row">
        <TextField
          label={t('bots.announcements.fields.intervalMinutes')}
          name="intervalMinutes"
          type="number"
          inputMode="numeric"
          required
          min={ANNOUNCEMENT_MIN_INTERVAL_MINUTES}
          max={ANNOUNCEMENT_MAX_INTERVAL_MINUTES}
          step={1}
          value={values.intervalMinutes}
          onChange={(event) => set('intervalMinutes', event.currentTarget.value)}
          error={errors['intervalMinutes']}
          data-testid="announcement-interval-input"
        />
        <TextField
          label={t('bots.announcements.fields.minChatMessages')}
          name="minChatMessages"
          type="number"
          inputMode="numeric"
          min={0}
          max={ANNOUNCEMENT_MAX_MIN_CHAT_MESSAGES}
          step={1}
          hint={t('bots.announcements.fields.minChatMessagesHint')}
          value={values.minChatMessages}
          onChange={(event) => set('minChatMessages', event.currentTarget.value)}
          error={errors['minChatMessages']}
          data-testid="announcement-min-chat-input"
        />
      </div>
      <BotCheckbox
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
      <BotCheckbox
        label={t('bots.form.enabled')}
        checked={values.enabled}
        onChange={(enabled) => set('enabled', enabled)}
      />
      <div className="form__actions">
        <Button variant="ghost" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant="primary" pending={mutation.isPending} data-testid="save-announcement">
          {mutation.isPending
            ? t('common.saving')
            : announcement
              ? t('common.save')
              : t('bots.announcements.create')}
        </Button>
      </div>
    </form>
  );
}
