import { PLATFORMS, VIEWER_ROLES, type Platform, type ViewerRole } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { SelectField, TextField } from '@/shared/ui/field';
import { useErrorText } from '@/shared/ui/form-error';
import { useSandbox } from '../api/sandbox.api';
import {
  appendLines,
  buildSandboxRequest,
  sandboxOutcomes,
  type SandboxDraft,
  type SandboxLine,
} from '../model/sandbox.model';
import { CheckGroup } from './bots-shell.fields';

/** "Try it": a chat line as a viewer with chosen roles, and what the bot would answer. Posts nothing. */
export function SandboxPanel({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const sandbox = useSandbox(workspaceId);
  const [draft, setDraft] = useState<SandboxDraft>({ text: '', displayName: 'Ada', roles: [], platform: '' });
  const [log, setLog] = useState<SandboxLine[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = buildSandboxRequest(draft);
    if (!request.text || sandbox.isPending) return;
    sandbox.mutate(request, {
      onSuccess: (result) => {
        setLog((current) =>
          appendLines(current, [
            { kind: 'viewer', who: request.displayName ?? '', roles: draft.roles, text: request.text },
            ...sandboxOutcomes(result),
          ]),
        );
        setDraft((current) => ({ ...current, text: '' }));
      },
    });
  };

  return (
    <Card
      title={t('bots.sandbox.title')}
      description={t('bots.sandbox.description')}
      actions={
        log.length > 0 ? (
          <Button size="sm" variant="ghost" onClick={() => setLog([])}>
            {t('bots.sandbox.clear')}
          </Button>
        ) : null
      }
      data-testid="bot-sandbox"
    >
      <ul className="bot-sandbox__log" role="log" aria-live="polite" data-testid="sandbox-log">
        {log.length === 0 ? <li className="muted">{t('bots.sandbox.empty')}</li> : null}
        {log.map((line) => (
          <SandboxLineView key={line.id} line={line} />
        ))}
      </ul>
      {sandbox.isError ? <Alert tone="error">{errorText(sandbox.error)}</Alert> : null}
      <form className="form" onSubmit={submit} data-testid="sandbox-form">
        <div className="form form--row">
          <TextField
            label={t('bots.sandbox.displayName')}
            name="displayName"
            maxLength={50}
            value={draft.displayName}
            onChange={(event) => {
              const displayName = event.currentTarget.value;
              setDraft((current) => ({ ...current, displayName }));
            }}
          />
          <SelectField
            label={t('bots.sandbox.platform')}
            name="platform"
            value={draft.platform}
            onChange={(event) => {
              const platform = event.currentTarget.value as Platform | '';
              setDraft((current) => ({ ...current, platform }));
            }}
            data-testid="sandbox-platform"
          >
            <option value="">{t('bots.sandbox.anyPlatform')}</option>
            {PLATFORMS.map((platform) => (
              <option key={platform} value={platform}>
                {t(`bots.platforms.${platform}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckGroup<ViewerRole>
          legend={t('bots.sandbox.roles')}
          options={VIEWER_ROLES.map((role) => ({ value: role, label: t(`bots.roles.${role}`) }))}
          selected={draft.roles}
          onChange={(roles) => setDraft((current) => ({ ...current, roles }))}
          testId="sandbox-roles"
        />
        <div className="form form--row">
          <TextField
            label={t('bots.sandbox.line')}
            name="text"
            maxLength={500}
            autoComplete="off"
            placeholder={t('bots.sandbox.linePlaceholder')}
            value={draft.text}
            onChange={(event) => {
              const text = event.currentTarget.value;
              setDraft((current) => ({ ...current, text }));
            }}
            data-testid="sandbox-input"
          />
          <div className="form__actions form__actions--end">
            <Button
              type="submit"
              variant="primary"
              pending={sandbox.isPending}
              disabled={!draft.text.trim()}
              data-testid="sandbox-send"
            >
              {t('bots.sandbox.send')}
            </Button>
          </div>
        </div>
      </form>
    </Card>
  );
}

export function SandboxLineView({ line }: { line: SandboxLine }) {
  const { t } = useTranslation();
  switch (line.kind) {
    case 'viewer':
      return (
        <li className="bot-sandbox__line" data-kind="viewer">
          <span className="bot-sandbox__who">{line.who}:</span> {line.text}
        </li>
      );
    case 'reply':
      return (
        <li
          className="bot-sandbox__line bot-sandbox__line--bot"
          data-kind="reply"
          data-testid="sandbox-reply"
        >
          <span className="bot-sandbox__who">{t('bots.sandbox.bot')}:</span> {line.text}
        </li>
      );
    case 'silent':
      return (
        <li className="bot-sandbox__line muted" data-kind="silent" data-verdict={line.verdict}>
          {t(`bots.sandbox.verdicts.${line.verdict}`, {
            name: line.name ?? '',
            seconds: line.cooldownRemainingSeconds ?? 0,
          })}
        </li>
      );
  }
}
