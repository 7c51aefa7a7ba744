import type { QuestionType } from '@podium/contracts';
import { Countdown, displayUrl, JoinBanner, QuestionResults, Scoreboard } from '@podium/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '@/shared/socket/connection.store';
import { LoadingState } from '@/shared/ui/spinner';
import { joinUrls } from '../api/live-meeting.api';
import { roomResults, roomScene } from '../model/live-results';
import { useLive } from '../model/live.store';
import { useLiveMeeting } from '../socket/use-live-meeting';
import { useLiveLabels } from './live-labels';
import { QuestionView } from './question-view';
import './live.css';

export interface RoomScreenProps {
  meetingId: string;
  title: string;
  joinCode: string;
}

/** What the audience sees on the projector: no controls, nothing they should not see yet. */
export function RoomScreen({ meetingId, title, joinCode }: RoomScreenProps) {
  const { t } = useTranslation();
  const labels = useLiveLabels();
  useLiveMeeting(meetingId, 'screen');
  const view = useLive((s) => (s.meetingId === meetingId ? s.view : null));
  const joinError = useLive((s) => s.joinError);
  const online = useConnection((s) => s.state === 'online');
  const { joinUrl, qrUrl } = joinUrls(window.location.origin, joinCode);

  if (!view) {
    return (
      <main className="room" aria-label={t('room.label')} data-testid="room-screen" data-scene="loading">
        {joinError ? <p role="alert">{joinError.message}</p> : <LoadingState label={t('room.loading')} />}
      </main>
    );
  }

  const { state } = view;
  const scene = roomScene(state.phase);
  const question = state.question;
  const results = roomResults(state, view.results);

  return (
    <main
      className="room"
      aria-label={t('room.label')}
      data-testid="room-screen"
      data-scene={scene}
      data-phase={state.phase}
    >
      <FullscreenButton label={t('room.fullscreen')} />
      {!online ? (
        <p className="room__offline" role="status">
          {t('room.offline')}
        </p>
      ) : null}
      {scene === 'join' ? (
        <div className="room__join">
          <h1 className="room__title">{title}</h1>
          <JoinBanner
            joinCode={joinCode}
            joinUrl={joinUrl}
            qrUrl={qrUrl}
            qrSize="min(40vh, 22rem)"
            labels={labels.join}
          />
          <p className="room__hint">{t('room.startsSoon')}</p>
        </div>
      ) : null}

      {scene === 'question' && question ? (
        <div className="room__question">
          <div className="room__bar">
            {state.questionIndex !== null ? (
              <span className="room__position">
                {t('live.question.position', {
                  position: state.questionIndex + 1,
                  count: state.questionCount,
                })}
              </span>
            ) : null}
            <span className="room__code">
              {displayUrl(joinUrl)} · <strong>{joinCode}</strong>
            </span>
            <Countdown
              closesAt={state.phase === 'question_open' ? state.closesAt : null}
              serverOffsetMs={view.serverOffsetMs}
              labels={labels.countdown}
              className="room__countdown"
            />
          </div>
          <QuestionView question={question} showCorrect={false} showChoices={results === null} />
          {results ? (
            <QuestionResults
              question={question}
              results={results}
              labels={labels.results}
              wordLimit={80}
              className="room__results"
            />
          ) : state.phase === 'question_open' && hasHiddenResults(question.type) ? (
            <p className="room__hint">{t('room.resultsSoon')}</p>
          ) : null}
        </div>
      ) : null}

      {scene === 'scoreboard' ? (
        <div className="room__scoreboard">
          <h1 className="room__title">{t('live.scoreboard.title')}</h1>
          <Scoreboard entries={view.scoreboard?.entries ?? []} top={10} labels={labels.scoreboard} />
        </div>
      ) : null}

      {scene === 'thanks' ? (
        <div className="room__thanks">
          <h1 className="room__title">{t('room.thanksTitle')}</h1>
          <p className="room__hint">{t('room.thanksBody')}</p>
        </div>
      ) : null}
    </main>
  );
}

/** Question types whose results can be held back until answers close (see roomResults). */
function hasHiddenResults(type: QuestionType): boolean {
  return type === 'poll' || type === 'quiz' || type === 'rating';
}

/** Projectors want the whole screen; the button hides itself once there (and on browsers without it). */
function FullscreenButton({ label }: { label: string }) {
  const [fullscreen, setFullscreen] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const update = () => setFullscreen(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  if (fullscreen || !document.fullscreenEnabled) return null;
  return (
    <button
      type="button"
      className="btn btn--ghost btn--sm room__fullscreen"
      onClick={() => void document.documentElement.requestFullscreen().catch(() => undefined)}
    >
      {label}
    </button>
  );
}
