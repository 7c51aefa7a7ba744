import {
  CHAT_WORDCLOUD_MODES,
  type ChatWordCloudMode,
  type MeetingChatSettings,
  type MeetingDto,
} from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { SelectField } from '@/shared/ui/field';
import { FormError } from '@/shared/ui/form-error';
import { useUpdateMeeting } from '../api/meetings.api';
import { CheckboxField } from './checkbox-field';

const FIELDS = ['chat'] as const;

const isWordCloudMode = (value: string): value is ChatWordCloudMode =>
  (CHAT_WORDCLOUD_MODES as readonly string[]).includes(value);

export interface MeetingChatCardProps {
  workspaceId: string;
  meeting: MeetingDto;
  readOnly: boolean;
}

/** What stream chat does in the meeting: answers, announcements, and how word clouds read chat. */
export function MeetingChatCard({ workspaceId, meeting, readOnly }: MeetingChatCardProps) {
  const { t } = useTranslation();
  const update = useUpdateMeeting(workspaceId, meeting.id);
  const [draft, setDraft] = useState<MeetingChatSettings>(meeting.chat);
  const change = (patch: Partial<MeetingChatSettings>) => {
    if (update.isSuccess) update.reset();
    setDraft((current) => ({ ...current, ...patch }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending || readOnly) return;
    update.mutate({ chat: draft });
  };

  return (
    <Card title={t('meetings.streamChat.title')} description={t('meetings.streamChat.intro')}>
      <form key={meeting.id} className="form" onSubmit={submit} data-testid="meeting-chat-form">
        {meeting.kind === 'in_room' ? (
          <Alert tone="info">{t('meetings.streamChat.inRoomNotice')}</Alert>
        ) : null}
        <FormError error={update.error} fields={FIELDS} />
        {update.isSuccess ? <Alert tone="success">{t('meetings.saved')}</Alert> : null}
        <fieldset className="question-form__fields" disabled={readOnly}>
          <legend className="sr-only">{t('meetings.streamChat.title')}</legend>
          <CheckboxField
            label={t('meetings.streamChat.answers')}
            hint={t('meetings.streamChat.answersHint')}
            checked={draft.answers}
            onChange={(answers) => change({ answers })}
            data-testid="meeting-chat-answers"
          />
          <CheckboxField
            label={t('meetings.streamChat.announceOpen')}
            checked={draft.announceOpen}
            onChange={(announceOpen) => change({ announceOpen })}
            data-testid="meeting-chat-announce-open"
          />
          <CheckboxField
            label={t('meetings.streamChat.announceClose')}
            checked={draft.announceClose}
            onChange={(announceClose) => change({ announceClose })}
            data-testid="meeting-chat-announce-close"
          />
          <CheckboxField
            label={t('meetings.streamChat.announceResults')}
            checked={draft.announceResults}
            onChange={(announceResults) => change({ announceResults })}
            data-testid="meeting-chat-announce-results"
          />
          <SelectField
            label={t('meetings.streamChat.wordCloud')}
            name="wordCloud"
            value={draft.wordCloud}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isWordCloudMode(value)) change({ wordCloud: value });
            }}
            data-testid="meeting-chat-wordcloud"
          >
            {CHAT_WORDCLOUD_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`meetings.streamChat.wordCloudModes.${mode}`)}
              </option>
            ))}
          </SelectField>
        </fieldset>
        {readOnly ? null : (
          <div className="form__actions">
            <Button
              type="submit"
              variant="primary"
              pending={update.isPending}
              data-testid="save-meeting-chat"
            >
              {update.isPending ? t('common.saving') : t('common.save')}
            </Button>
          </div>
        )}
      </form>
    </Card>
  );
}
