import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BOT_LIMITS } from '@podium/contracts';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import {
  DEFAULT_PREVIEW_SAMPLE,
  previewResponses,
  sampleCall,
  seededRandom,
  type PreviewSample,
} from '../model/commands.preview';

export interface CommandsPreviewProps {
  /** The response templates as typed, one a line. */
  templates: readonly string[];
  /** For commands: the prefix and name of the call line, and the use count for `{count}`. */
  call?: { prefix: string; name: string; useCount: number };
}

/** What the bot would answer, rendered with the same rules as the bot, as the organizer types. */
export function CommandsPreview({ templates, call }: CommandsPreviewProps) {
  const { t } = useTranslation();
  const [user, setUser] = useState(DEFAULT_PREVIEW_SAMPLE.user);
  const [args, setArgs] = useState(DEFAULT_PREVIEW_SAMPLE.args);
  const [seed, setSeed] = useState(1);
  const sample: PreviewSample = { ...DEFAULT_PREVIEW_SAMPLE, user, args, count: (call?.useCount ?? 0) + 1 };
  // Cheap to render: a few short templates; the same seed gives the same picks until re-rolled.
  const lines = previewResponses(templates, sample, seededRandom(seed));
  const hasRandom = templates.some((template) => template.includes('{random:'));

  return (
    <section className="bot-preview" aria-live="polite" data-testid="bot-preview">
      <p className="bot-preview__title">{t('bots.preview.title')}</p>
      <div className="form form--row">
        <TextField
          label={t('bots.preview.sampleUser')}
          name="previewUser"
          value={user}
          maxLength={50}
          onChange={(event) => setUser(event.currentTarget.value)}
        />
        {call ? (
          <TextField
            label={t('bots.preview.sampleArgs')}
            name="previewArgs"
            value={args}
            maxLength={200}
            onChange={(event) => setArgs(event.currentTarget.value)}
          />
        ) : null}
      </div>
      {call && call.name ? (
        <p className="bot-preview__line">
          <strong>{user || DEFAULT_PREVIEW_SAMPLE.user}:</strong> {sampleCall(call.prefix, call.name, args)}
        </p>
      ) : null}
      {lines.length === 0 ? <p className="muted">{t('bots.preview.empty')}</p> : null}
      <ul className="bot-sandbox__log" data-testid="bot-preview-lines">
        {lines.map((line, index) => (
          <li key={index} className="bot-preview__line" data-testid="bot-preview-line">
            <strong>{t('bots.preview.says')}:</strong>{' '}
            {line.empty ? <span className="muted">{t('bots.preview.silent')}</span> : line.text}
            {line.tooLong ? (
              <span className="field__error">
                {' '}
                {t('bots.preview.tooLong', { max: BOT_LIMITS.responseMax })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {hasRandom ? (
        <div>
          <Button size="sm" variant="ghost" onClick={() => setSeed((value) => value + 1)}>
            {t('bots.preview.reroll')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
