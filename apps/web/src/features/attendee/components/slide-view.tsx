import { useTranslation } from 'react-i18next';
import Markdown, { type Components } from 'react-markdown';
import type { QuestionOf } from './answer-props';

// Links leave the meeting page in a new tab, so the attendee does not lose their place.
const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
  // The slide's heading is the question title: body headings go one level down.
  h1: ({ node: _node, ...props }) => <h3 {...props} />,
  h2: ({ node: _node, ...props }) => <h4 {...props} />,
};

/** A slide: markdown rendered escaped (raw HTML dropped), and its image. */
export function SlideView({ question }: { question: QuestionOf<'slide'> }) {
  const { t } = useTranslation();
  return (
    <div className="attendee-slide" data-testid="slide-body">
      {question.imageUrl ? (
        <img
          className="attendee-slide__image"
          src={question.imageUrl}
          alt={t('attendee.slide.imageAlt', { title: question.title })}
          loading="lazy"
          referrerPolicy="no-referrer"
        />
      ) : null}
      {question.body ? (
        <div className="attendee-slide__body">
          <Markdown skipHtml components={components}>
            {question.body}
          </Markdown>
        </div>
      ) : null}
    </div>
  );
}
