import type { QuestionDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import Markdown, { type Components } from 'react-markdown';

// Links open in a new tab so the live page stays put; slide headings sit below the title's level.
const markdownComponents: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  h1: ({ node: _node, ...props }) => <h3 {...props} />,
  h2: ({ node: _node, ...props }) => <h4 {...props} />,
};

export interface QuestionViewProps {
  question: QuestionDto;
  /** Organizers see which quiz choices are correct; the room screen must not. */
  showCorrect: boolean;
  /** Choices are listed unless results (which name them) are shown instead. */
  showChoices: boolean;
}

/** A question's content: title, then slide body or choices. */
export function QuestionView({ question, showCorrect, showChoices }: QuestionViewProps) {
  const { t } = useTranslation();
  return (
    <div className="live-question" data-question-id={question.id} data-question-type={question.type}>
      <h2 className="live-question__title" data-testid="live-question-title">
        {question.title}
      </h2>
      {question.type === 'slide' ? (
        <div className="live-question__slide">
          {question.imageUrl ? (
            <img
              className="live-question__image"
              src={question.imageUrl}
              alt={t('live.question.imageAlt', { title: question.title })}
              referrerPolicy="no-referrer"
            />
          ) : null}
          {question.body ? (
            <Markdown skipHtml components={markdownComponents}>
              {question.body}
            </Markdown>
          ) : null}
        </div>
      ) : null}
      {showChoices && (question.type === 'poll' || question.type === 'quiz') ? (
        <ol className="live-question__choices" aria-label={t('live.question.choices')}>
          {question.choices.map((choice) => {
            const correct = showCorrect && choice.correct === true;
            return (
              <li key={choice.id} className={correct ? 'live-question__choice--correct' : undefined}>
                {choice.label}
                {correct ? (
                  <span className="live-question__correct">
                    {' '}
                    <span aria-hidden="true">✓</span> {t('live.question.correct')}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </div>
  );
}
