import { BANNED_TERM_KINDS, type ModerationSettingsDto, VIEWER_ROLES } from '@podium/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { useErrorText } from '@/shared/ui/form-error';
import { LoadingState } from '@/shared/ui/spinner';
import { TextAreaField } from '@/shared/ui/text-area-field';
import { useModerationSettings, useSaveModerationSettings } from '../api/moderation.api';
import { type FieldErrors, serverFieldErrors } from '../model/alerts-validation';
import {
  type FilterDraft,
  type ModerationDraft,
  type ModerationFormWords,
  moderationDraft,
  moderationRequest,
  placeTermErrors,
  type TermSource,
  toggleRole,
} from '../model/moderation-form';
import type { BotsTabProps } from './bots-shell.tabs';
import { CheckboxField, CheckboxGroup } from './alerts-fields';
import { ModerationFilter } from './moderation-filter';
import './alerts.css';

/** Moderation settings: banned terms, links, caps, spam; each with its action; exempt roles. */
export function ModerationTab({ workspaceId, canEdit }: BotsTabProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const settings = useModerationSettings(workspaceId);
  if (settings.isPending) return <LoadingState label={t('common.loading')} />;
  if (settings.isError) return <Alert tone="error">{errorText(settings.error)}</Alert>;
  return <ModerationForm workspaceId={workspaceId} settings={settings.data} canEdit={canEdit} />;
}

type Section = Exclude<keyof ModerationDraft, 'enabled' | 'exemptRoles'>;

function ModerationForm({
  workspaceId,
  settings,
  canEdit,
}: {
  workspaceId: string;
  settings: ModerationSettingsDto;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const save = useSaveModerationSettings(workspaceId);
  const [draft, setDraft] = useState(() => moderationDraft(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sources, setSources] = useState<TermSource[]>([]);
  const [saved, setSaved] = useState(false);
  const disabled = !canEdit;
  const words: ModerationFormWords = {
    notANumber: t('botAlerts.errors.notANumber'),
    atLine: (line, message) => t('botAlerts.moderation.atLine', { line, message }),
  };
  // The server's 400 (a regex refused on save) lands on the textarea and line it came from.
  const shown = { ...placeTermErrors(serverFieldErrors(save.error), sources, words), ...errors };
  const unplaced = save.isError && Object.keys(serverFieldErrors(save.error)).length === 0;

  const edit = (patch: Partial<ModerationDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setSaved(false);
  };
  const editSection = <S extends Section>(section: S, patch: Partial<ModerationDraft[S]>) =>
    edit({ [section]: { ...draft[section], ...patch } } as Partial<ModerationDraft>);
  const filterProps = (section: Section) => ({
    path: section,
    filter: draft[section] as FilterDraft,
    errors: shown,
    disabled,
    onChange: (patch: Partial<FilterDraft>) => editSection(section, patch),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending || disabled) return;
    const { checked, sources: termSources } = moderationRequest(draft, words);
    setSources(termSources);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.request, {
      onSuccess: (stored) => {
        setDraft(moderationDraft(stored));
        setSaved(true);
      },
    });
  };

  const roleLabel = (role: (typeof VIEWER_ROLES)[number]) => t(`botAlerts.roles.${role}`);

  return (
    <form className="form bot-stack" onSubmit={submit} data-testid="moderation-form">
      <CheckboxField
        label={t('botAlerts.moderation.enabled')}
        hint={t('botAlerts.moderation.enabledHint')}
        checked={draft.enabled}
        disabled={disabled}
        onChange={(enabled) => edit({ enabled })}
        testId="moderation-enabled"
      />
      <CheckboxGroup
        legend={t('botAlerts.moderation.exemptRoles')}
        options={VIEWER_ROLES}
        selected={draft.exemptRoles}
        label={roleLabel}
        disabled={disabled}
        error={shown['exemptRoles']}
        onChange={(role, on) => edit({ exemptRoles: toggleRole(draft.exemptRoles, role, on, VIEWER_ROLES) })}
      />

      <ModerationFilter
        {...filterProps('bannedTerms')}
        title={t('botAlerts.moderation.bannedTerms')}
        description={t('botAlerts.moderation.bannedTermsDescription')}
      >
        {shown['bannedTerms.terms'] ? <p className="field__error">{shown['bannedTerms.terms']}</p> : null}
        <div className="bot-grid bot-grid--three">
          {BANNED_TERM_KINDS.map((kind) => (
            <TextAreaField
              key={kind}
              label={t(`botAlerts.moderation.termKinds.${kind}`)}
              hint={t(`botAlerts.moderation.termHints.${kind}`)}
              name={`bannedTerms.lines.${kind}`}
              rows={6}
              spellCheck={false}
              value={draft.bannedTerms.lines[kind]}
              disabled={disabled}
              error={shown[`bannedTerms.lines.${kind}`]}
              data-testid={`moderation-terms-${kind}`}
              onChange={(event) =>
                editSection('bannedTerms', {
                  lines: { ...draft.bannedTerms.lines, [kind]: event.currentTarget.value },
                })
              }
            />
          ))}
        </div>
      </ModerationFilter>

      <ModerationFilter
        {...filterProps('links')}
        title={t('botAlerts.moderation.links')}
        description={t('botAlerts.moderation.linksDescription')}
      >
        <TextAreaField
          label={t('botAlerts.moderation.allowedDomains')}
          hint={t('botAlerts.moderation.allowedDomainsHint')}
          name="links.allowedDomains"
          rows={4}
          spellCheck={false}
          value={draft.links.allowedDomains}
          disabled={disabled}
          error={shown['links.allowedDomains'] ?? firstUnder(shown, 'links.allowedDomains.')}
          onChange={(event) => editSection('links', { allowedDomains: event.currentTarget.value })}
        />
        <CheckboxGroup
          legend={t('botAlerts.moderation.allowedRoles')}
          options={VIEWER_ROLES}
          selected={draft.links.allowedRoles}
          label={roleLabel}
          disabled={disabled}
          onChange={(role, on) =>
            editSection('links', {
              allowedRoles: toggleRole(draft.links.allowedRoles, role, on, VIEWER_ROLES),
            })
          }
        />
      </ModerationFilter>

      <ModerationFilter
        {...filterProps('caps')}
        title={t('botAlerts.moderation.caps')}
        description={t('botAlerts.moderation.capsDescription')}
      >
        <div className="bot-grid">
          <TextField
            label={t('botAlerts.moderation.minLetters')}
            name="caps.minLetters"
            type="number"
            min={1}
            max={500}
            value={draft.caps.minLetters}
            disabled={disabled}
            error={shown['caps.minLetters']}
            onChange={(event) => editSection('caps', { minLetters: event.currentTarget.value })}
          />
          <TextField
            label={t('botAlerts.moderation.maxPercent')}
            name="caps.maxPercent"
            type="number"
            min={1}
            max={100}
            value={draft.caps.maxPercent}
            disabled={disabled}
            error={shown['caps.maxPercent']}
            onChange={(event) => editSection('caps', { maxPercent: event.currentTarget.value })}
          />
        </div>
      </ModerationFilter>

      <ModerationFilter
        {...filterProps('spam')}
        title={t('botAlerts.moderation.spam')}
        description={t('botAlerts.moderation.spamDescription')}
      >
        <div className="bot-grid">
          {(['maxRepeatedChars', 'maxRepeatedWords', 'maxEmotes', 'maxLength'] as const).map((field) => (
            <TextField
              key={field}
              label={t(`botAlerts.moderation.spamLimits.${field}`)}
              hint={t('botAlerts.moderation.emptyOff')}
              name={`spam.${field}`}
              type="number"
              min={0}
              value={draft.spam[field]}
              disabled={disabled}
              error={shown[`spam.${field}`]}
              onChange={(event) => editSection('spam', { [field]: event.currentTarget.value })}
            />
          ))}
        </div>
      </ModerationFilter>

      {unplaced ? <Alert tone="error">{errorText(save.error)}</Alert> : null}
      {Object.keys(shown).length > 0 ? <Alert tone="error">{t('botAlerts.errors.fixFields')}</Alert> : null}
      {saved ? <Alert tone="success">{t('botAlerts.common.saved')}</Alert> : null}
      {canEdit ? (
        <div className="form__actions">
          <Button type="submit" variant="primary" pending={save.isPending} data-testid="moderation-save">
            {t('botAlerts.common.save')}
          </Button>
        </div>
      ) : null}
    </form>
  );
}

/** The first message under a path prefix (`links.allowedDomains.3` → shown on the textarea). */
function firstUnder(errors: FieldErrors, prefix: string): string | undefined {
  const key = Object.keys(errors).find((field) => field.startsWith(prefix));
  return key ? errors[key] : undefined;
}
