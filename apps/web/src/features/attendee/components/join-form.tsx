import { nicknameProblem, parseJoinCode } from '@podium/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/shared/api/api-error';
import { Alert } from '@/shared/ui/alert';
import { Button } from '@/shared/ui/button';
import { TextField } from '@/shared/ui/field';
import { useErrorText } from '@/shared/ui/form-error';
import { useJoinMeeting, useJoinPreview } from '../api/join.api';
import { joinProblem } from '../model/attendee-rules';
import {
  browserStorage,
  lastAttendee,
  loadAttendee,
  saveAttendee,
  type StoredAttendee,
} from '../model/attendee-session';
import './attendee.css';

export interface JoinFormProps {
  /** From `/join/:code` (or a refused token's meeting): prefilled, and its meeting is previewed. */
  initialCode?: string;
  /** Shown above the form, e.g. why the attendee has to join again. */
  notice?: string;
  onJoined: (attendee: StoredAttendee) => void;
}

type FieldErrors = { code?: string; nickname?: string };

/** Enter the code on the screen and a nickname: the public way into a meeting. */
export function JoinForm({ initialCode = '', notice, onJoined }: JoinFormProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [code, setCode] = useState(initialCode);
  const [nickname, setNickname] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusNickname = () => {
    const input = formRef.current?.elements.namedItem('nickname');
    if (input instanceof HTMLInputElement) input.focus();
  };
  const join = useJoinMeeting();

  // Plain checks mirroring the join contract (the server stays the authority): the schema library
  // is not part of the attendee's first page.
  const validCode = parseJoinCode(code);
  const preview = useJoinPreview(validCode);
  const meeting = preview.data && validCode ? preview.data : null;
  const ended = meeting?.phase === 'after';

  // Someone who already joined (this meeting, or the last one) can carry on as themselves.
  const [resumable] = useState(() => {
    const storage = browserStorage();
    return initialCode ? null : lastAttendee(storage);
  });
  const resume = meeting ? loadAttendee(browserStorage(), meeting.meetingId) : resumable;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (join.isPending) return;
    const nicknameIssue = nicknameProblem(nickname);
    if (!validCode || nicknameIssue) {
      const next: FieldErrors = {};
      if (!validCode) next.code = t('attendee.join.codeInvalid');
      if (nicknameIssue) {
        next.nickname =
          nicknameIssue === 'required'
            ? t('attendee.join.nicknameRequired')
            : t('attendee.join.nicknameInvalid');
      }
      setErrors(next);
      if (next.nickname && !next.code) focusNickname();
      return;
    }
    setErrors({});
    join.mutate(
      { code: validCode, nickname: nickname.trim() },
      {
        onSuccess: (joined) => onJoined(saveAttendee(browserStorage(), joined, validCode)),
        onError: (error) => {
          if (!isApiError(error)) return;
          switch (joinProblem(error)) {
            case 'nicknameTaken':
              setErrors({ nickname: t('attendee.join.nicknameTaken') });
              focusNickname();
              break;
            case 'unknownCode':
              setErrors({ code: t('attendee.join.codeUnknown') });
              break;
            case 'ended':
            case 'invalid':
            case 'other':
              break;
          }
        },
      },
    );
  };

  const joinProblemText = (() => {
    if (!join.error || !isApiError(join.error)) return join.error ? errorText(join.error) : null;
    switch (joinProblem(join.error)) {
      case 'nicknameTaken':
      case 'unknownCode':
        return null; // Shown next to its field.
      case 'ended':
        return t('attendee.join.ended');
      case 'invalid':
      case 'other':
        return errorText(join.error);
    }
  })();
  const codeError =
    errors.code ??
    (validCode && preview.isError && isApiError(preview.error) && preview.error.statusCode === 404
      ? t('attendee.join.codeUnknown')
      : undefined);

  return (
    <div className="stack attendee-join">
      {notice ? <Alert tone="warning">{notice}</Alert> : null}
      {resume ? (
        <div className="attendee-join__resume" data-testid="join-resume">
          <p>{t('attendee.join.resumeText', { nickname: resume.nickname, title: resume.meetingTitle })}</p>
          <Button variant="primary" className="btn--block attendee-touch" onClick={() => onJoined(resume)}>
            {t('attendee.join.resume', { nickname: resume.nickname })}
          </Button>
        </div>
      ) : null}
      <form ref={formRef} className="form" onSubmit={submit} noValidate data-testid="join-form">
        {meeting ? (
          <p className="attendee-join__meeting" data-testid="join-meeting-title">
            <span className="muted">{t('attendee.join.meetingLabel')}</span> <strong>{meeting.title}</strong>
          </p>
        ) : null}
        {ended ? <Alert tone="info">{t('attendee.join.ended')}</Alert> : null}
        {joinProblemText ? <Alert tone="error">{joinProblemText}</Alert> : null}
        <TextField
          label={t('attendee.join.code')}
          hint={t('attendee.join.codeHint')}
          name="code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={codeError}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={12}
          className="attendee-join__code"
          data-testid="join-code-input"
        />
        <TextField
          label={t('attendee.join.nickname')}
          hint={t('attendee.join.nicknameHint')}
          name="nickname"
          value={nickname}
          onChange={(event) => setNickname(event.target.value)}
          error={errors.nickname}
          autoComplete="nickname"
          autoFocus={initialCode !== ''}
          maxLength={32}
          data-testid="nickname-input"
        />
        <Button
          type="submit"
          variant="primary"
          className="btn--block attendee-touch"
          pending={join.isPending}
          disabled={ended}
          data-testid="join-submit"
        >
          {join.isPending ? t('attendee.join.joining') : t('attendee.join.submit')}
        </Button>
      </form>
    </div>
  );
}
