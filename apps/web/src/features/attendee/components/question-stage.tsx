import type { AnswerInput, ApiErrorDto, QuestionDto } from '@podium/contracts';
import { Countdown, type MeetingView } from '@podium/ui';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { canAnswer } from '../model/attendee-rules';
import type { AttendeeConnection } from '../socket/attendee-socket';
import { ChoiceAnswer } from './choice-answer';
import { MyResults } from './my-results';
import { QaPanel } from './qa-panel';
import { RatingAnswer } from './rating-answer';
import type { useUiLabels } from './use-ui-labels';
import { WordAnswer } from './word-answer';
import './attendee-question.css';

// The markdown renderer is a third of the attendee page's script: it loads with the first slide.
const SlideView = lazy(() => import('./slide-view').then((module) => ({ default: module.SlideView })));

export interface QuestionStageProps {
  view: MeetingView;
  question: QuestionDto;
  secondsLeft: number | null;
  connection: AttendeeConnection | null;
  labels: ReturnType<typeof useUiLabels>;
  onAnswered: (questionId: string, answer: Exclude<MeetingView['myAnswer'], null>) => void;
  onUpvoted: (entryId: string) => void;
  announce: (text: string) => void;
}

/** The current question: its title and timer, the answer form for its type, and its results. */
export function QuestionStage({
  view,
  question,
  secondsLeft,
  connection,
  labels,
  onAnswered,
  onUpvoted,
  announce,
}: QuestionStageProps) {
  const { t } = useTranslation();
  const { state, results, myAnswer } = view;
  const open = state.phase === 'question_open';
  const canSend = connection !== null && canAnswer(state.phase, question, myAnswer, secondsLeft);
  const closed = question.type !== 'slide' && (!open || secondsLeft === 0);

  const send = async (answer: AnswerInput): Promise<ApiErrorDto | null> => {
    if (!connection) return null;
    const ack = await connection.submitAnswer(question.id, answer);
    if (!ack.ok) return ack.error;
    onAnswered(question.id, ack.data.myAnswer);
    announce(t('attendee.answer.counted'));
    return null;
  };
  const ask = async (text: string): Promise<ApiErrorDto | null> => {
    if (!connection) return null;
    const ack = await connection.ask(question.id, text);
    if (!ack.ok) return ack.error;
    announce(t('attendee.qa.asked'));
    return null;
  };
  const upvote = async (entryId: string): Promise<ApiErrorDto | null> => {
    if (!connection) return null;
    const ack = await connection.upvote(entryId);
    if (!ack.ok) return ack.error;
    onUpvoted(entryId);
    return null;
  };

  const showResults =
    results !== null &&
    results.questionId === question.id &&
    (() => {
      switch (question.type) {
        case 'slide':
        case 'qa':
          return false; // Q&A entries are the panel itself.
        case 'wordcloud':
          return true;
        case 'quiz':
          return !open;
        case 'poll':
        case 'rating':
          // Seeing the others' votes first would sway the attendee's own.
          return !open || myAnswer !== null;
      }
    })();

  const form = (() => {
    const common = { myAnswer, canSend, send };
    switch (question.type) {
      case 'slide':
        return (
          <Suspense fallback={null}>
            <SlideView question={question} />
          </Suspense>
        );
      case 'poll':
      case 'quiz':
        return <ChoiceAnswer key={question.id} question={question} {...common} />;
      case 'wordcloud':
        return <WordAnswer key={question.id} question={question} {...common} />;
      case 'rating':
        return <RatingAnswer key={question.id} question={question} {...common} />;
      case 'qa':
        return (
          <QaPanel
            key={question.id}
            question={question}
            entries={results?.type === 'qa' && results.questionId === question.id ? results.entries : []}
            myUpvotes={view.myUpvotes}
            labels={labels.results}
            myNickname={view.me?.nickname ?? ''}
            canSend={canSend}
            ask={ask}
            upvote={upvote}
          />
        );
    }
  })();

  return (
    <article className="attendee-question" data-question-id={question.id} data-type={question.type}>
      <header className="attendee-question__header">
        <p className="attendee-question__position">
          {t('attendee.question.position', {
            position: (state.questionIndex ?? question.position) + 1,
            count: state.questionCount,
          })}
        </p>
        <h2 className="attendee-question__title" data-testid="question-title">
          {question.title}
        </h2>
        {open ? (
          <Countdown
            closesAt={state.closesAt}
            serverOffsetMs={view.serverOffsetMs}
            labels={labels.countdown}
            className="attendee-countdown"
          />
        ) : null}
      </header>
      {closed ? (
        <p className="attendee-closed" data-testid="answers-closed">
          {t('attendee.question.closed')}
        </p>
      ) : null}
      {form}
      {showResults && results ? (
        <MyResults question={question} results={results} myAnswer={myAnswer} labels={labels.results} />
      ) : null}
    </article>
  );
}
