import { Countdown, isInControl, JoinBanner, QuestionResults, Scoreboard } from '@podium/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '@/shared/ui/alert';
import { Badge } from '@/shared/ui/badge';
import { Button } from '@/shared/ui/button';
import { Card } from '@/shared/ui/card';
import { LoadingState } from '@/shared/ui/spinner';
import { joinUrls } from '../api/live-meeting.api';
import { answeredCount } from '../model/live-results';
import { useLive } from '../model/live.store';
import { useLiveMeeting } from '../socket/use-live-meeting';
import { ControlBanner } from './control-banner';
import { LiveControls } from './live-controls';
import { useLiveLabels } from './live-labels';
import { QaModeration } from './qa-moderation';
import { QuestionView } from './question-view';
import './live.css';

export interface LiveDashboardProps {
  meetingId: string;
  title: string;
  joinCode: string;
  /** Moderators and owners moderate Q&A (control is not needed for that). */
  canModerate: boolean;
  meetingPath: string;
  screenPath: string;
}

/** The organizer's live view: drive the meeting, watch answers come in, moderate Q&A. */
export function LiveDashboard({
  meetingId,
  title,
  joinCode,
  canModerate,
  meetingPath,
  screenPath,
}: LiveDashboardProps) {
  const { t } = useTranslation();
  const labels = useLiveLabels();
  const actions = useLiveMeeting(meetingId, 'control');
  const view = useLive((s) => (s.meetingId === meetingId ? s.view : null));
  const clientId = useLive((s) => s.clientId);
  const joinError = useLive((s) => s.joinError);
  const pending = useLive((s) => s.pending);
  const requestError = useLive((s) => s.requestError);
  const controlLostTo = useLive((s) => s.controlLostTo);
  const dismissControlNotice = useLive((s) => s.dismissControlNotice);
  const [qaError, setQaError] = useState<string | null>(null);

  if (!view || clientId === null) {
    return joinError ? (
      <Alert tone="error">{t('live.joinFailed', { message: joinError.message })}</Alert>
    ) : (
      <LoadingState label={t('live.loading')} />
    );
  }

  const { state, results } = view;
  const inControl = isInControl(view, clientId);
  const answered = answeredCount(results);
  const { joinUrl, qrUrl } = joinUrls(window.location.origin, joinCode);

  return (
    <div className="live" data-testid="live-dashboard" data-version={view.version}>
      <header className="live__header">
        <div className="live__heading">
          <p className="live__eyebrow muted">{t('live.heading')}</p>
          <h1 className="live__title">{title}</h1>
        </div>
        <div className="live__header-actions">
          <Badge tone={state.phase === 'after' ? 'muted' : 'accent'}>
            <span className="sr-only">{t('live.phaseLabel')}: </span>
            {t(`live.phases.${state.phase}`)}
          </Badge>
          {/* The raw phase for tests and tools; the badge is what people read. */}
          <span data-testid="live-phase" hidden>
            {state.phase}
          </span>
          <Link className="btn btn--secondary btn--sm" to={meetingPath}>
            {t('live.backToMeeting')}
          </Link>
          <a
            className="btn btn--secondary btn--sm"
            href={screenPath}
            target="_blank"
            rel="noopener"
            title={t('live.openScreenHint')}
            data-testid="open-room-screen"
          >
            {t('live.openScreen')}
          </a>
        </div>
      </header>

      <ControlBanner
        view={view}
        clientId={clientId}
        taking={pending === 'takeControl'}
        onTakeControl={actions.takeControl}
      />
      {controlLostTo ? (
        <div className="live__notice" data-testid="control-lost">
          <Alert tone="warning">
            {t('live.control.lost', { name: controlLostTo.name ?? t('live.control.someone') })}{' '}
            <Button size="sm" variant="ghost" onClick={dismissControlNotice}>
              {t('live.control.dismiss')}
            </Button>
          </Alert>
        </div>
      ) : null}
      {requestError ? <Alert tone="error">{requestError.message}</Alert> : null}

      <LiveControls state={state} enabled={inControl} pending={pending} onCommand={actions.command} />

      <div className="live__grid">
        <div className="live__main">
          <Card
            title={
              state.questionIndex !== null
                ? t('live.question.position', {
                    position: state.questionIndex + 1,
                    count: state.questionCount,
                  })
                : t('live.question.title')
            }
            actions={
              <div className="live__stats">
                <Countdown
                  closesAt={state.phase === 'question_open' ? state.closesAt : null}
                  serverOffsetMs={view.serverOffsetMs}
                  labels={labels.countdown}
                />
                <span className="live__stat">
                  {t('live.stats.answered')} <strong data-testid="answered-count">{answered ?? '–'}</strong>
                </span>
                <span className="live__stat">
                  {t('live.stats.present')} <strong data-testid="present-count">{view.present}</strong>
                </span>
              </div>
            }
          >
            {state.question ? (
              <>
                <p className="live__type">
                  <Badge tone="muted">{t(`live.types.${state.question.type}`)}</Badge>
                  {state.question.type !== 'slide' && state.question.timeLimitSeconds !== null ? (
                    <span className="muted">
                      {' '}
                      {t('live.question.timeLimit', { seconds: state.question.timeLimitSeconds })}
                    </span>
                  ) : null}
                </p>
                <QuestionView question={state.question} showCorrect showChoices={results === null} />
              </>
            ) : (
              <p className="muted">
                {state.phase === 'after' ? t('live.question.ended') : t('live.question.none')}
              </p>
            )}
          </Card>

          <Card title={t('live.results.title')}>
            {qaError ? <Alert tone="error">{qaError}</Alert> : null}
            {state.question && results ? (
              <QuestionResults
                question={state.question}
                results={results}
                labels={labels.results}
                showHidden
                renderQaActions={
                  canModerate
                    ? (entry) => (
                        <QaModeration entry={entry} onModerate={actions.moderate} onError={setQaError} />
                      )
                    : undefined
                }
              />
            ) : (
              <p className="muted">{t('live.results.none')}</p>
            )}
          </Card>
        </div>

        <aside className="live__side">
          <Card title={t('live.join.title')}>
            <JoinBanner
              joinCode={joinCode}
              joinUrl={joinUrl}
              qrUrl={qrUrl}
              qrSize="9rem"
              labels={labels.join}
              className="live__join"
            />
          </Card>
          <Card
            title={t('live.scoreboard.title')}
            description={
              view.scoreboard
                ? t('live.scoreboard.attendees', { count: view.scoreboard.attendeeCount })
                : undefined
            }
          >
            <Scoreboard entries={view.scoreboard?.entries ?? []} top={20} labels={labels.scoreboard} />
          </Card>
        </aside>
      </div>
    </div>
  );
}
