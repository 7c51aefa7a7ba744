import { cloudWords } from './results-math';
import { classNames, resultsLabels, type ResultsLabels } from './results-labels';

export interface WordCloudProps {
  words: readonly { text: string; count: number }[];
  /** At most this many words, the most frequent. */
  limit?: number;
  labels?: Partial<ResultsLabels>;
  className?: string;
}

/**
 * A cloud laid out by the browser: words centre-out by frequency in a wrapping, centred flow.
 * No canvas and no layout library, so the same component works on the light OBS overlay. Sizes come
 * from `--pd-w` (0..1) between `--pd-cloud-min` and `--pd-cloud-max` (see ui.css).
 */
export function WordCloud({ words, limit = 60, labels, className }: WordCloudProps) {
  const text = resultsLabels(labels);
  const laid = cloudWords(words, limit);
  if (laid.length === 0) {
    return <p className={classNames('pd-empty', className)}>{text.noAnswers}</p>;
  }
  return (
    <ul className={classNames('pd-cloud', className)} aria-label={text.wordCloud(laid.length)}>
      {laid.map((word) => (
        <li
          key={word.text}
          className={`pd-cloud__word pd-tone-${word.tone}`}
          style={{ ['--pd-w' as string]: word.weight.toFixed(3) }}
          data-testid="cloud-word"
          data-count={word.count}
        >
          <span aria-hidden="true">{word.text}</span>
          <span className="pd-sr-only">{text.wordTimes(word.text, word.count)}</span>
        </li>
      ))}
    </ul>
  );
}
