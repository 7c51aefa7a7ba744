import type { QaEntryDto, QaModerate } from '@podium/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';

export interface QaModerationProps {
  entry: QaEntryDto;
  /** Resolves with the refusal message, or null. */
  onModerate: (patch: QaModerate) => Promise<string | null>;
  onError: (message: string) => void;
}

/** Pin, answered and hide toggles for one Q&A entry (moderators; control is not needed). */
export function QaModeration({ entry, onModerate, onError }: QaModerationProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const send = (patch: Omit<QaModerate, 'entryId'>) => {
    if (busy) return;
    setBusy(true);
    void onModerate({ entryId: entry.id, ...patch }).then((error) => {
      setBusy(false);
      if (error) onError(error);
    });
  };

  // One toggle per flag: the button says what a click does to the entry as it is now.
  const toggles = [
    { flag: 'pinned', on: t('live.qa.unpin'), off: t('live.qa.pin'), testId: 'qa-pin' },
    {
      flag: 'answered',
      on: t('live.qa.markUnanswered'),
      off: t('live.qa.markAnswered'),
      testId: 'qa-answered',
    },
    { flag: 'hidden', on: t('live.qa.show'), off: t('live.qa.hide'), testId: 'qa-hide' },
  ] as const;

  return (
    <div className="live-qa-actions" role="group" aria-label={t('live.qa.actions', { text: entry.text })}>
      {toggles.map(({ flag, on, off, testId }) => (
        <Button
          key={flag}
          size="sm"
          variant="ghost"
          disabled={busy}
          onClick={() => send({ [flag]: !entry[flag] })}
          data-testid={testId}
        >
          {entry[flag] ? on : off}
        </Button>
      ))}
    </div>
  );
}
