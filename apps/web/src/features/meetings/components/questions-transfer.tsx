import type { MeetingDto } from '@podium/contracts';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { useErrorText } from '@/shared/ui/form-error';
import { exportQuestions, useImportQuestions } from '../api/questions.api';
import { exportFileName, parseQuestionsFile } from '../model/questions-file';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export interface QuestionsTransferProps {
  workspaceId: string;
  meeting: MeetingDto;
  readOnly: boolean;
}

/** Export the questions as a JSON file, or append the questions of such a file. */
export function QuestionsTransfer({ workspaceId, meeting, readOnly }: QuestionsTransferProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fileRef = useRef<HTMLInputElement>(null);
  const importer = useImportQuestions(workspaceId, meeting.id);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const [notJson, setNotJson] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const runExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const file = await exportQuestions(workspaceId, meeting.id);
      download(exportFileName(meeting.title), `${JSON.stringify(file, null, 2)}\n`);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) fires another change.
    input.value = '';
    if (!file) return;
    setNotJson(null);
    setImported(null);
    importer.reset();
    const parsed = parseQuestionsFile(await file.text());
    if (!parsed.ok) {
      setNotJson(file.name);
      return;
    }
    importer.mutate(parsed.value, { onSuccess: (questions) => setImported(questions.length) });
  };

  const issues = isApiError(importer.error) ? importer.error.issues : [];

  return (
    <div className="questions-transfer">
      <div className="questions-transfer__buttons">
        <Button
          size="sm"
          pending={exporting}
          disabled={meeting.questions.length === 0}
          onClick={() => void runExport()}
          data-testid="export-questions"
        >
          {t('meetings.transfer.export')}
        </Button>
        {readOnly ? null : (
          <>
            <input
              ref={fileRef}
              type="file"
              accept="application/json,.json"
              className="sr-only"
              tabIndex={-1}
              aria-label={t('meetings.transfer.fileLabel')}
              onChange={(event) => void onFile(event)}
              data-testid="import-questions-file"
            />
            <Button
              size="sm"
              pending={importer.isPending}
              onClick={() => fileRef.current?.click()}
              data-testid="import-questions"
            >
              {t('meetings.transfer.import')}
            </Button>
          </>
        )}
      </div>
      {exportError ? <Alert tone="error">{errorText(exportError)}</Alert> : null}
      {notJson ? <Alert tone="error">{t('meetings.transfer.notJson', { name: notJson })}</Alert> : null}
      {imported !== null ? (
        <Alert tone="success">{t('meetings.transfer.imported', { count: imported })}</Alert>
      ) : null}
      {importer.isError ? (
        <div data-testid="import-errors">
          <Alert tone="error" title={t('meetings.transfer.rejected')}>
            {issues.length > 0 ? (
              <ul className="issue-list">
                {issues.map((issue) => (
                  <li key={`${issue.field}:${issue.message}`}>
                    {issue.field ? (
                      <>
                        <code>{issue.field}</code> {issue.message}
                      </>
                    ) : (
                      issue.message
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              errorText(importer.error)
            )}
          </Alert>
        </div>
      ) : null}
    </div>
  );
}
