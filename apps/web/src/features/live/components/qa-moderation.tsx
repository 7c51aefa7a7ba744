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

  return (
    <div className="live-qa-actions" role="group" aria-label={t('live.qa.actions', { text: entry.text })}>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        onClick={() => send({ pinned: !entry.pinned })}
        data-testid="qa-pin"
      >
        {entry.pinned ? t('live.qa.unpin') : t('live.qa.pin')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}

        onClick={() => send({ answered: !entry.answered })}
        data-testid="qa-answered"
      >
        {entry.answered ? t('live.qa.markUnanswered') : t('live.qa.markAnswered')}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        onClick={() => send({ hidden: !entry.hidden })}
        data-testid="qa-hide"
      >
        {entry.hidden ? t('live.qa.show') : t('live.qa.hide')}
      </Button>
    </div>
  );
}
