import type { MediaDto } from '@podium/contracts';
import { MEDIA_MAX_BYTES } from '@podium/contracts';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { ConfirmMutationDialog } from '@/shared/ui/confirm-dialog';
import { useErrorText } from '@/shared/ui/form-error';
import { useDeleteMedia, useMediaLibrary, useUploadMedia } from '../api/media.api';
import {
  formatBytes,
  MEDIA_ACCEPT,
  type MediaProblem,
  mediaFileProblem,
  mediaUploadProblem,
  sortMedia,
} from '../model/media-library';
import { BotQueryStatus } from './bot-list-parts';
import type { BotsTabProps } from './bots-shell.tabs';
import { MediaPreview } from './media-preview';
import './alerts.css';

/** The media library: upload (checked by the server's sniffing), list with previews, delete. */
export function MediaTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const library = useMediaLibrary(workspaceId);
  const upload = useUploadMedia(workspaceId);
  const remove = useDeleteMedia(workspaceId);
  const input = useRef<HTMLInputElement>(null);
  const [localProblem, setLocalProblem] = useState<MediaProblem | null>(null);
  const [deleting, setDeleting] = useState<MediaDto | null>(null);

  const problem = localProblem ?? mediaUploadProblem(upload.error);
  const problemText = (kind: MediaProblem) =>
    kind === 'tooBig'
      ? t('botAlerts.media.tooBig', { max: formatBytes(MEDIA_MAX_BYTES) })
      : t('botAlerts.media.unsupported');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file || upload.isPending) return;
    upload.reset();
    const early = mediaFileProblem(file);
    setLocalProblem(early);
    if (early) return;
    upload.mutate(file, {
      onSuccess: () => {
        if (input.current) input.current.value = '';
      },
    });
  };

  return (
    <>
      {canEdit ? (
        <Card
          title={t('botAlerts.media.uploadTitle')}
          description={t('botAlerts.media.uploadDescription', { max: formatBytes(MEDIA_MAX_BYTES) })}
          level={3}
        >
          <form className="form form--row" onSubmit={submit} data-testid="media-upload-form">
            <div className="field">
              <label className="field__label" htmlFor="media-upload-file">
                {t('botAlerts.media.file')}
              </label>
              <input
                id="media-upload-file"
                ref={input}
                type="file"
                name="file"
                accept={MEDIA_ACCEPT}
                required
                className="input"
                onChange={() => {
                  setLocalProblem(null);
                  upload.reset();
                }}
                data-testid="media-upload-input"
              />
            </div>
            <div className="form__actions form__actions--end">
              <Button type="submit" variant="primary" pending={upload.isPending}>
                {upload.isPending ? t('botAlerts.media.uploading') : t('botAlerts.media.upload')}
              </Button>
            </div>
          </form>
          {problem ? (
            <Alert tone="error">
              <span data-testid="media-upload-error">{problemText(problem)}</span>
            </Alert>
          ) : upload.isError ? (
            <Alert tone="error">
              <span data-testid="media-upload-error">{errorText(upload.error)}</span>
            </Alert>
          ) : null}
        </Card>
      ) : null}

      <Card title={t('botAlerts.media.listTitle')} level={3}>
        <BotQueryStatus query={library} />
        {library.data && library.data.length === 0 ? (
          <p className="muted">{t('botAlerts.media.empty')}</p>
        ) : null}
        {library.data && library.data.length > 0 ? (
          <ul className="media-grid" data-testid="media-list">
            {sortMedia(library.data).map((item) => (
              <li key={item.id} className="media-grid__item" data-testid="media-item">
                <MediaPreview media={item} />
                <p className="media-grid__name" title={item.name}>
                  {item.name}
                </p>
                <p className="media-grid__meta">
                  {t(`botAlerts.media.kinds.${item.kind}`)} · {formatBytes(item.size)} ·{' '}
                  {formatDate(item.createdAt, i18n.language)}
                </p>
                {canEdit ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    className="btn--danger-text"
                    onClick={() => setDeleting(item)}
                    aria-label={t('botAlerts.media.deleteLabel', { name: item.name })}
                  >
                    {t('botAlerts.common.delete')}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </Card>

      <ConfirmMutationDialog
        target={deleting}
        mutation={remove}
        onClose={() => setDeleting(null)}
        title={t('botAlerts.media.deleteTitle', { name: deleting?.name ?? '' })}
        description={t('botAlerts.media.deleteBody')}
        confirmLabel={t('botAlerts.common.delete')}
      />
    </>
  );
}
