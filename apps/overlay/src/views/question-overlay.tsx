import { Countdown, QaList, QuestionResults } from '@podium/ui';
import { OverlayFrame, isQuestionPhase } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

const QA_SHOWN = 5;

/** `question`: the current question's title, its timer, and its results once the audience may see them. */
export function QuestionOverlay({ connection, meeting, messages }: OverlayViewProps) {
  const view = meeting.view;
  const question = view?.state.question ?? null;
  const shown = view !== null && question !== null && isQuestionPhase(view.state.phase);
  const results = view?.results && question && view.results.questionId === question.id ? view.results : null;

  return (
    <OverlayFrame connection={connection} messages={messages} kind="question">
      {shown && view && question ? (
        <section
          className="ov-question"
          data-testid="overlay-question"
          data-phase={view.state.phase}
          data-question-id={question.id}
        >
          <header className="ov-question__header">
            <p className="ov-question__position">
              {messages.questionPosition(
                (view.state.questionIndex ?? question.position) + 1,
                view.state.questionCount,
              )}
            </p>
            {view.state.phase === 'question_open' ? (
              <Countdown
                closesAt={view.state.closesAt}
                serverOffsetMs={view.serverOffsetMs}
                labels={messages.countdown}
                className="ov-question__timer"
              />
            ) : null}
          </header>
          <h1 className="ov-question__title" data-testid="overlay-question-title">
            {question.title}
          </h1>
          {results?.type === 'qa' ? (
            <QaList
              entries={results.entries}
              limit={QA_SHOWN}
              labels={messages.results}
              className="ov-results"
            />
          ) : results && results.type !== 'slide' ? (
            <QuestionResults
              question={question}
              results={results}
              labels={messages.results}
              wordLimit={40}
              className="ov-results"
            />
          ) : null}
        </section>
      ) : null}
    </OverlayFrame>
  );
}
