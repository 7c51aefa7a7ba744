import type { RatingScale } from '@podium/contracts';
import Markdown from 'react-markdown';
import { useTranslation } from 'react-i18next';
import { parseNumber, type QuestionDraft } from '../model/question-draft';
import './question-preview.css';

/** Only http(s) images: anything else (javascript:, data:) is dropped rather than rendered. */
function safeImageUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}

function RatingPreview({ scale }: { scale: RatingScale }) {
  const { t } = useTranslation();
  switch (scale) {
    case 'stars5':
      return (
        <div className="phone__stars" aria-label={t('meetings.preview.stars')}>
          {[1, 2, 3, 4, 5].map((star) => (
            <span key={star} className="phone__star" aria-hidden="true">
              ★
            </span>
          ))}
        </div>
      );
    case 'ten':
      return (
        <div className="phone__scale">
          {Array.from({ length: 10 }, (_, i) => (
            <span key={i} className="phone__scale-step">
              {i + 1}
            </span>
          ))}
        </div>
      );
    case 'slider100':
      return (
        <div className="phone__slider">
          <input type="range" min={0} max={100} defaultValue={50} aria-label={t('meetings.preview.slider')} />
          <div className="phone__slider-ends" aria-hidden="true">
            <span>0</span>
            <span>100</span>
          </div>
        </div>
      );
  }
}

function PreviewBody({ draft }: { draft: QuestionDraft }) {
  const { t } = useTranslation();
  switch (draft.type) {
    case 'slide': {
      const image = draft.imageUrl ? safeImageUrl(draft.imageUrl) : null;
      return (
        <>
          {image ? <img className="phone__image" src={image} alt="" /> : null}
          {/* Markdown only: raw HTML in the body is dropped, never rendered. */}
          <div className="phone__markdown">
            <Markdown skipHtml>{draft.body}</Markdown>
          </div>
        </>
      );
    }
    case 'poll':
    case 'quiz':
      return (
        <>
          <p className="phone__hint">
            {draft.multiple ? t('meetings.preview.chooseSeveral') : t('meetings.preview.chooseOne')}
          </p>
          <ul className="phone__choices">
            {draft.choices.map((choice, index) => (
              <li key={choice.key}>
                <span className={draft.multiple ? 'phone__choice phone__choice--multi' : 'phone__choice'}>
                  {choice.label || t('meetings.question.choicePlaceholder', { number: index + 1 })}
                </span>
              </li>
            ))}
          </ul>
          <span className="phone__button">{t('meetings.preview.send')}</span>
        </>
      );
    case 'wordcloud': {
      const max = parseNumber(draft.maxWordsPerAttendee);
      return (
        <>
          <p className="phone__hint">
            {t('meetings.preview.wordsHint', { count: Number.isFinite(max) ? max : 1 })}
          </p>
          <input
            className="input"
            type="text"
            placeholder={t('meetings.preview.typeWord')}
            aria-label={t('meetings.preview.typeWord')}
          />
          <span className="phone__button">{t('meetings.preview.send')}</span>
        </>
      );
    }
    case 'rating':
      return (
        <>
          <RatingPreview scale={draft.scale} />
          <span className="phone__button">{t('meetings.preview.send')}</span>
        </>
      );
    case 'qa':
      return (
        <>
          <textarea
            className="input"
            rows={3}
            placeholder={t('meetings.preview.ask')}
            aria-label={t('meetings.preview.ask')}
          />
          <span className="phone__button">{t('meetings.preview.send')}</span>
        </>
      );
  }
}

/**
 * How the question will look on an attendee's phone, from the unsaved draft. Purely presentational:
 * it is inert, so nothing in it can be focused or clicked.
 */
export function QuestionPreview({ draft }: { draft: QuestionDraft }) {
  const { t } = useTranslation();
  const seconds = draft.timed ? parseNumber(draft.timeLimitSeconds) : Number.NaN;
  return (
    <section
      className="question-preview"
      aria-label={t('meetings.preview.title')}
      data-testid="question-preview"
    >
      <h3 className="question-preview__title">{t('meetings.preview.title')}</h3>
      <div className="phone" inert>
        <div className="phone__screen">
          <div className="phone__top">
            <span className="phone__type">{t(`meetings.types.${draft.type}`)}</span>
            {Number.isInteger(seconds) && seconds > 0 ? (
              <span className="phone__timer">{formatSeconds(seconds)}</span>
            ) : null}
          </div>
          <p className="phone__question">{draft.title || t('meetings.preview.noTitle')}</p>
          <PreviewBody draft={draft} />
        </div>
      </div>
    </section>
  );
}
