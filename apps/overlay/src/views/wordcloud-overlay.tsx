import { WordCloud } from '@podium/ui';
import { OverlayFrame, isQuestionPhase } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

const WORDS_SHOWN = 50;

/** `wordcloud`: only the cloud of the current word-cloud question; nothing at other times. */
export function WordCloudOverlay({ connection, meeting, messages }: OverlayViewProps) {
  const view = meeting.view;
  const question = view?.state.question ?? null;
  const results = view?.results ?? null;
  const cloud =
    view !== null &&
    isQuestionPhase(view.state.phase) &&
    question?.type === 'wordcloud' &&
    results?.type === 'wordcloud' &&
    results.questionId === question.id
      ? results
      : null;

  return (
    <OverlayFrame connection={connection} messages={messages} kind="wordcloud">
      {cloud ? (
        <section className="ov-cloud" data-testid="overlay-wordcloud" data-question-id={cloud.questionId}>
          <WordCloud words={cloud.words} limit={WORDS_SHOWN} labels={messages.results} />
        </section>
      ) : null}
    </OverlayFrame>
  );
}
