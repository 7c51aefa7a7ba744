import type { MeetingPhase } from '@podium/contracts';
import { type MeetingView, Scoreboard } from '@podium/ui';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '@/shared/i18n/language-select';
import { ThemeSelect } from '@/shared/theme/theme-select';
import { Alert } from '@/shared/ui/alert';
import { LoadingState } from '@/shared/ui/spinner';
import type { StoredAttendee } from '../model/attendee-session';
import { attendeeStore, useAttendee } from '../model/attendee.store';
import { useSecondsLeft } from '../model/use-seconds-left';
import { OFFLINE_ERROR } from '@/shared/socket/socket-ack';
import { useAttendeeConnection } from '../socket/use-attendee-connection';
import { FlagPanel } from './flag-panel';
import { InroomChat } from './inroom-chat-panel';
import { MyScore } from './my-score';
import { QuestionStage } from './question-stage';
import { useUiLabels } from './use-ui-labels';
import './attendee.css';
import './inroom-chat.css';

export interface AttendeeMeetingProps {
  attendee: StoredAttendee;
  /** The server refused the stored token (already forgotten): offer the join form again. */
  onRefused: () => void;
  /** Where "join another meeting" goes. */
  joinHref: string;
}

/** The attendee's phone during a meeting: what the host shows, the answer forms, their score. */
export function AttendeeMeeting({ attendee, onRefused, joinHref }: AttendeeMeetingProps) {
  const { t } = useTranslation();
  const connection = useAttendeeConnection(attendee);
  const link = useAttendee((s) => s.link);
  const refused = useAttendee((s) => s.refused);
  const joinError = useAttendee((s) => s.joinError);
  const view = useAttendee((s) => s.view);
  const secondsLeft = useSecondsLeft(view?.state ?? null, view?.serverOffsetMs ?? 0);
  const labels = useUiLabels(view?.me?.nickname ?? attendee.nickname);
  // Events (answer counted, flag captured) are announced here; phase changes in their own region.
  const [notice, setNotice] = useState({ text: '', n: 0 });
  const announce = (text: string) => setNotice((current) => ({ text, n: current.n + 1 }));

  useEffect(() => {
    if (refused) onRefused();
  }, [refused, onRefused]);

  const phase = view?.state.phase ?? null;
  const ready = view !== null && link === 'online';
  const title = attendee.meetingTitle;

  let stage: ReactNode;
  if (!view) {
    stage =
      joinError && [403, 404].includes(joinError.statusCode) ? (
        <div className="stack">
          <Alert tone="warning" title={t('attendee.meeting.goneTitle')}>
            {t('attendee.meeting.goneBody')}
          </Alert>
          <a className="btn btn--primary attendee-touch" href={joinHref}>
            {t('attendee.meeting.joinAnother')}
          </a>
        </div>
      ) : (
        <LoadingState label={t('attendee.meeting.connecting')} />
      );
  } else {
    stage = (
      <PhaseStage
        view={view}
        secondsLeft={secondsLeft}
        labels={labels}
        announce={announce}
        connection={connection}
      />
    );
  }

  return (
    <div className="attendee" data-testid="attendee-page" data-link={link}>
      <header className="attendee__bar">
        <div className="attendee__who">
          <h1 className="attendee__meeting">{title}</h1>
          <p className="attendee__nickname">
            {t('attendee.meeting.joinedAs', { nickname: attendee.nickname })}
          </p>
        </div>
        {view?.me ? <MyScore me={view.me} /> : null}
      </header>

      <span className="sr-only" aria-hidden="true" data-testid="attendee-phase">
        {phase ?? ''}
      </span>
      <div className="sr-only" role="status" aria-live="polite" aria-atomic="true">
        {view ? phaseMessage(t, view) : ''}
      </div>
      <div
        className="sr-only"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        data-testid="attendee-announcer"
      >
        {notice.text}
        {/* A repeated message must still change the region's text to be read again. */}
        {notice.n % 2 === 1 ? '\u00a0' : ''}
      </div>

      <main className="attendee__main" id="main">
        {link === 'offline' ? <Alert tone="warning">{t('attendee.meeting.offline')}</Alert> : null}
        {stage}
        {phase === 'after' ? null : (
          <FlagPanel
            ready={ready}
            capture={(code) =>
              connection
                ? connection.captureFlag(code)
                : Promise.resolve({ ok: false as const, error: OFFLINE_ERROR })
            }
            onCaptured={(me) => attendeeStore.getState().score(me)}
            announce={announce}
          />
        )}
        <InroomChat
          canSend={ready}
          send={(text) =>
            connection
              ? connection.inroomSend(text)
              : Promise.resolve({ ok: false as const, error: OFFLINE_ERROR })
          }
          myNickname={view?.me?.nickname ?? attendee.nickname}
        />
      </main>

      <footer className="attendee__footer">
        <ThemeSelect />
        <LanguageSelect />
      </footer>
    </div>
  );
}

type Translate = TFunction<'translation'>;

function phaseMessage(t: Translate, view: MeetingView): string {
  const { state } = view;
  switch (state.phase) {
    case 'before':
      return t('attendee.phase.before');
    case 'waiting':
      return t('attendee.phase.waiting');
    case 'question_open':
      return state.question
        ? t('attendee.phase.questionOpen', { title: state.question.title })
        : t('attendee.phase.waiting');
    case 'question_closed':
      return t('attendee.phase.questionClosed');
    case 'results':
      return t('attendee.phase.results');
    case 'scoreboard':
      return view.me
        ? t('attendee.phase.scoreboardRank', { rank: view.me.rank, of: view.me.attendeeCount })
        : t('attendee.phase.scoreboard');
    case 'after':
      return t('attendee.phase.after');
  }
}

const QUESTION_PHASES: readonly MeetingPhase[] = ['question_open', 'question_closed', 'results'];

function PhaseStage({
  view,
  secondsLeft,
  labels,
  announce,
  connection,
}: {
  view: MeetingView;
  secondsLeft: number | null;
  labels: ReturnType<typeof useUiLabels>;
  announce: (text: string) => void;
  connection: ReturnType<typeof useAttendeeConnection>;
}) {
  const { t } = useTranslation();
  const { state } = view;
  const question = state.question;

  if (QUESTION_PHASES.includes(state.phase) && question) {
    return (
      <QuestionStage
        view={view}
        question={question}
        secondsLeft={secondsLeft}
        connection={connection}
        labels={labels}
        onAnswered={(questionId, answer) => attendeeStore.getState().myAnswer(questionId, answer)}
        onUpvoted={(entryId) => attendeeStore.getState().myUpvote(entryId)}
        announce={announce}
      />
    );
  }

  switch (state.phase) {
    case 'scoreboard':
    case 'after':
      return (
        <section className="attendee-screen" aria-labelledby="attendee-screen-title">
          <h2 className="attendee-screen__title" id="attendee-screen-title">
            {state.phase === 'after' ? t('attendee.phase.afterTitle') : t('attendee.scoreboard.title')}
          </h2>
          {state.phase === 'after' ? <p className="lead">{t('attendee.phase.after')}</p> : null}
          {view.me ? (
            <p className="attendee-screen__rank">
              {t('attendee.scoreboard.yourRank', { rank: view.me.rank, of: view.me.attendeeCount })}
            </p>
          ) : null}
          {view.scoreboard ? (
            <Scoreboard
              entries={view.scoreboard.entries}
              top={10}
              highlightId={view.me?.attendeeId ?? null}
              labels={labels.scoreboard}
              className="attendee-scoreboard"
            />
          ) : null}
        </section>
      );
    case 'before':
    case 'waiting':
    case 'question_open':
    case 'question_closed':
    case 'results':
      return (
        <section className="attendee-screen attendee-screen--waiting" aria-labelledby="attendee-screen-title">
          <span className="attendee-screen__pulse" aria-hidden="true" />
          <h2 className="attendee-screen__title" id="attendee-screen-title">
            {state.phase === 'before' ? t('attendee.phase.beforeTitle') : t('attendee.phase.waitingTitle')}
          </h2>
          <p className="muted">
            {state.phase === 'before' ? t('attendee.phase.before') : t('attendee.phase.waiting')}
          </p>
        </section>
      );
  }
}
