import type { QaEntryDto, QuestionDto, QuestionResultsDto } from '@podium/contracts';
import type { ReactNode } from 'react';
import { PollBars } from './poll-bars';
import { QaList } from './qa-list';
import { RatingResults } from './rating-results';
import { classNames, resultsLabels, type ResultsLabels } from './results-labels';
import { WordCloud } from './word-cloud';

export interface QuestionResultsProps {
  /** Gives the choice labels and the rating scale; results of another question render nothing. */
  question: QuestionDto;
  results: QuestionResultsDto;
  labels?: Partial<ResultsLabels>;
  /** Q&A: organizers see hidden entries. */
  showHidden?: boolean;
  /** Q&A: buttons per entry (moderation, upvotes). */
  renderQaActions?: (entry: QaEntryDto) => ReactNode;
  /** Word clouds: the number of words shown. */
  wordLimit?: number;
  /** Overrides the word-cloud renderer (the web can plug a canvas layout; the overlay keeps the light one). */
  renderWordCloud?: (words: readonly { text: string; count: number }[]) => ReactNode;
  className?: string;
}

/** Results of any question type, switched on the results' type. */
export function QuestionResults(props: QuestionResultsProps) {
  const { question, results } = props;
  if (results.questionId !== question.id) return null;
  const text = resultsLabels(props.labels);
  return (
    <section
      className={classNames('pd-results', `pd-results--${results.type}`, props.className)}
      data-testid="results"
      data-type={results.type}
    >
      <ResultsBody {...props} labels={text} />
    </section>
  );
}

function ResultsBody({
  question,
  results,
  labels,
  showHidden,
  renderQaActions,
  wordLimit,
  renderWordCloud,
}: QuestionResultsProps) {
  switch (results.type) {
    case 'slide':
      return null;
    case 'poll':
    case 'quiz': {
      const choices = question.type === 'poll' || question.type === 'quiz' ? question.choices : [];
      return (
        <>
          <PollBars
            choices={choices}
            counts={results.counts}
            answered={results.answered}
            correctChoiceIds={results.type === 'quiz' ? results.correctChoiceIds : null}
            labels={labels}
          />
          <p className="pd-results__answered" data-testid="results-answered">
            {resultsLabels(labels).answers(results.answered)}
          </p>
        </>
      );
    }
    case 'wordcloud':
      return renderWordCloud ? (
        <>{renderWordCloud(results.words)}</>
      ) : (
        <WordCloud words={results.words} limit={wordLimit} labels={labels} />
      );
    case 'rating':
      return (
        <RatingResults
          scale={question.type === 'rating' ? question.scale : 'stars5'}
          answered={results.answered}
          mean={results.mean}
          median={results.median}
          distribution={results.distribution}
          labels={labels}
        />
      );
    case 'qa':
      return (
        <QaList
          entries={results.entries}
          showHidden={showHidden}
          renderActions={renderQaActions}
          labels={labels}
        />
      );
  }
}
