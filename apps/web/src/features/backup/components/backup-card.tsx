import type { BackupScheduleDto } from '@podium/contracts';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/shared/i18n/i18n';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { Checkbox } from '@/shared/ui/checkbox';
import { TextField } from '@/shared/ui/field';
import { FormError, useErrorText } from '@/shared/ui/form-error';
import { RowList, RowListItem } from '@/shared/ui/row-list';
import {
  backupFileUrl,
  exportUrl,
  useBackupNow,
  useBackups,
  useImportWorkspace,
  useUpdateBackupSchedule,
} from '../api/backup.api';

const SCHEDULE_FIELDS = ['enabled', 'intervalHours', 'keep'] as const;

/** Backup and restore for owners: download an export, automatic backups, import as a new workspace. */
export function BackupCard({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  return (
    <Card title={t('backup.title')} description={t('backup.description')} data-testid="backup-card">
      <section>
        <h3>{t('backup.export.title')}</h3>
        <p className="muted">{t('backup.export.hint')}</p>
        <a className="btn btn--primary" href={exportUrl(workspaceId)} download data-testid="backup-export">
          {t('backup.export.download')}
        </a>
      </section>
      <BackupSchedule workspaceId={workspaceId} />
      <ImportWorkspace />
    </Card>
  );
}

function BackupSchedule({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const backups = useBackups(workspaceId);
  const now = useBackupNow(workspaceId);
  const errorText = useErrorText();
  const schedule = backups.data?.schedule;
  return (
    <section>
      <h3>{t('backup.schedule.title')}</h3>
      <p className="muted">{t('backup.schedule.hint')}</p>
      {backups.isError ? <Alert tone="error">{errorText(backups.error)}</Alert> : null}
      {schedule ? (
        <ScheduleForm key={scheduleKey(schedule)} workspaceId={workspaceId} schedule={schedule} />
      ) : null}
      {schedule?.lastError ? (
        <Alert tone="warning" title={t('backup.schedule.lastFailed')}>
          {schedule.lastError}
        </Alert>
      ) : null}
      {schedule?.lastBackupAt ? (
        <p className="muted" data-testid="backup-last">
          {t('backup.schedule.last', { date: formatDate(schedule.lastBackupAt, i18n.language, true) })}
        </p>
      ) : null}
      <FormError error={now.error} fields={[]} />
      <Button pending={now.isPending} onClick={() => now.mutate()} data-testid="backup-now">
        {t('backup.schedule.now')}
      </Button>
      <RowList items={backups.data?.files} empty={t('backup.files.empty')} testId="backup-files">
        {(file) => (
          <RowListItem
            key={file.name}
            title={formatDate(file.createdAt, i18n.language, true)}
            meta={t('backup.files.size', { kb: Math.max(1, Math.round(file.size / 1024)) })}
            action={
              <a className="btn btn--sm btn--ghost" href={backupFileUrl(workspaceId, file.name)} download>
                {t('backup.files.download')}
              </a>
            }
          />
        )}
      </RowList>
    </section>
  );
}

const scheduleKey = (s: BackupScheduleDto) => `${s.enabled}-${s.intervalHours}-${s.keep}`;

function ScheduleForm({ workspaceId, schedule }: { workspaceId: string; schedule: BackupScheduleDto }) {
  const { t } = useTranslation();
  const update = useUpdateBackupSchedule(workspaceId);
  const [enabled, setEnabled] = useState(schedule.enabled);
  const [intervalHours, setIntervalHours] = useState(String(schedule.intervalHours));
  const [keep, setKeep] = useState(String(schedule.keep));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate({ enabled, intervalHours: Number(intervalHours), keep: Number(keep) });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="backup-schedule-form">
      <FormError error={update.error} fields={SCHEDULE_FIELDS} />
      {update.isSuccess ? <Alert tone="success">{t('backup.schedule.saved')}</Alert> : null}
      <Checkbox label={t('backup.schedule.enabled')} checked={enabled} onChange={setEnabled} />
      <TextField
        name="intervalHours"
        label={t('backup.schedule.intervalHours')}
        hint={t('backup.schedule.intervalHint')}
        type="number"
        min={1}
        max={168}
        value={intervalHours}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setIntervalHours(event.currentTarget.value)}
      />
      <TextField
        name="keep"
        label={t('backup.schedule.keep')}
        type="number"
        min={1}
        max={500}
        value={keep}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setKeep(event.currentTarget.value)}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" pending={update.isPending}>
          {t('backup.schedule.save')}
        </Button>
      </div>
    </form>
  );
}

function ImportWorkspace() {
  const { t } = useTranslation();
  const importing = useImportWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file || importing.isPending) return;
    importing.mutate(file);
  };
  const result = importing.data;
  const unknown = result?.members.filter((m) => m.status === 'unknown').map((m) => m.email) ?? [];
  return (
    <section>
      <h3>{t('backup.import.title')}</h3>
      <p className="muted">{t('backup.import.hint')}</p>
      <form className="form" onSubmit={submit} data-testid="backup-import-form">
        <FormError error={importing.error} fields={['file']} />
        {result ? (
          <Alert tone="success" title={t('backup.import.done', { name: result.name })}>
            {result.idsKept ? null : <p>{t('backup.import.copy')}</p>}
            {unknown.length > 0 ? (
              <p>{t('backup.import.unknownMembers', { emails: unknown.join(', ') })}</p>
            ) : null}
          </Alert>
        ) : null}
        <input
          type="file"
          accept="application/json,.json"
          aria-label={t('backup.import.file')}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            importing.reset();
          }}
          data-testid="backup-import-file"
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" disabled={!file} pending={importing.isPending}>
            {t('backup.import.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
