import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Card } from '@/shared/ui/card';
import { useErrorText } from '@/shared/ui/form-error';
import { rewardsApi } from '../api/rewards.api';
import { parseImportFile } from '../model/import-file';

/** Import a Tlapbot rewards JSON file: what was created, and what was skipped and why. */
export function ImportCard({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const importRewards = rewardsApi.useImport(workspaceId);
  const [fileError, setFileError] = useState<string | null>(null);
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file || importRewards.isPending) return;
    const parsed = parseImportFile(await file.text());
    if (!parsed.ok) {
      setFileError(t(`rewards.import.errors.${parsed.error}`));
      return;
    }
    setFileError(null);
    importRewards.mutate(parsed.request);
  };
  const result = importRewards.data;
  return (
    <Card title={t('rewards.import.title')} description={t('rewards.import.description')}>
      <label className="btn btn--secondary rewards-import">
        {t('rewards.import.pick')}
        <input
          type="file"
          accept="application/json,.json"
          className="sr-only"
          onChange={(event) => void pick(event)}
          disabled={importRewards.isPending}
          data-testid="rewards-import-file"
        />
      </label>
      {fileError ? <Alert tone="error">{fileError}</Alert> : null}
      {importRewards.isError ? <Alert tone="error">{errorText(importRewards.error)}</Alert> : null}
      {result ? (
        <div data-testid="rewards-import-result">
          <Alert tone={result.skipped.length > 0 ? 'warning' : 'success'}>
            {t('rewards.import.done', { created: result.created.length, skipped: result.skipped.length })}
          </Alert>
          {result.skipped.length > 0 ? (
            <ul>
              {result.skipped.map((skip) => (
                <li key={skip.name}>
                  <strong>{skip.name}</strong>: {skip.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
