import type { Ack, MyScoreDto } from '@podium/contracts';
import { type FormEvent, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/shared/ui/button';
import { flagProblem } from '../model/attendee-rules';
import { browserStorage } from '../model/attendee-session';
import { clearPendingFlag, normalizeFlagParam, pendingFlag } from '../model/flag-param';
import './attendee-question.css';

type Capture = Ack<{ flagName: string; points: number; me: MyScoreDto }>;

export interface FlagPanelProps {
  /** In the meeting and online: a code scanned before joining can be sent now. */
  ready: boolean;
  capture: (code: string) => Promise<Capture>;
  onCaptured: (me: MyScoreDto) => void;
  announce: (text: string) => void;
}

/** Found a flag code (on a slide, a poster, a QR code)? Enter it for points. */
export function FlagPanel({ ready, capture, onCaptured, announce }: FlagPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const pendingSent = useRef(false);

  const describe = (outcome: Capture): { ok: boolean; text: string } => {
    if (outcome.ok) {
      return {
        ok: true,
        text: t('attendee.flag.captured', { points: outcome.data.points, name: outcome.data.flagName }),
      };
    }
    const problem = flagProblem(outcome.error);
    switch (problem) {
      case 'wrongCode':
        return { ok: false, text: t('attendee.flag.wrongCode') };
      case 'alreadyCaptured':
        return { ok: false, text: t('attendee.flag.alreadyCaptured') };
      case 'tooManyTries':
        return { ok: false, text: t('attendee.flag.tooManyTries') };
      case 'network':
        return { ok: false, text: t('attendee.answer.errors.offline') };
      case 'other':
        return { ok: false, text: outcome.error.message || t('errors.generic') };
    }
  };

  const send = async (raw: string): Promise<Capture> => {
    setPending(true);
    const outcome = await capture(raw);
    setPending(false);
    if (outcome.ok) onCaptured(outcome.data.me);
    const described = describe(outcome);
    setResult(described);
    announce(described.text);
    return outcome;
  };

  // A flag QR code scanned before joining (`?flag=`) is sent once, as soon as the meeting is open.
  const sendPending = useEffectEvent(() => {
    const storage = browserStorage();
    const waiting = pendingFlag(storage, Date.now());
    if (!waiting) return;
    pendingSent.current = true;
    void send(waiting).then((outcome) => {
      // Kept only when it never reached the server: the next connection tries again.
      if (outcome.ok || outcome.error.statusCode !== 0) clearPendingFlag(storage);
      else pendingSent.current = false;
    });
  });
  useEffect(() => {
    if (ready && !pendingSent.current) sendPending();
  }, [ready]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const normalized = normalizeFlagParam(code);
    if (!normalized) {
      setResult({ ok: false, text: t('attendee.flag.wrongCode') });
      return;
    }
    const outcome = await send(normalized);
    if (outcome.ok) setCode('');
  };

  return (
    <section className="card attendee-flag" aria-labelledby={`${id}-title`}>
      <h2 className="attendee-subtitle" id={`${id}-title`}>
        {t('attendee.flag.title')}
      </h2>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label className="field__label" htmlFor={id}>
            {t('attendee.flag.label')}
          </label>
          <div className="attendee-word-row">
            <input
              id={id}
              className="input attendee-touch attendee-flag__input"
              name="flag"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              maxLength={40}
              data-testid="flag-input"
            />
            <Button
              type="submit"
              variant="secondary"
              className="attendee-touch"
              pending={pending}
              disabled={!ready || code.trim() === ''}
              data-testid="flag-submit"
            >
              {t('attendee.flag.submit')}
            </Button>
          </div>
        </div>
        {result ? (
          <p
            className={
              result.ok ? 'attendee-flag__result attendee-flag__result--ok' : 'attendee-flag__result'
            }
            data-testid="flag-result"
            data-ok={result.ok}
          >
            {result.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
