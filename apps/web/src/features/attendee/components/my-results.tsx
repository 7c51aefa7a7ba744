import type { MyAnswerDto, QuestionDto, QuestionResultsDto } from '@podium/contracts';
import { QuestionResults, type ResultsLabels } from '@podium/ui';
import { useTranslation } from 'react-i18next';
import { myChoiceIds, wasRight } from '../model/attendee-rules';

export interface MyResultsProps {
  question: QuestionDto;
  results: QuestionResultsDto;
  myAnswer: MyAnswerDto | null;
  labels: ResultsLabels;
}

/** The question's results, and for a closed quiz whether this attendee got it right. */
export function MyResults({ question, results, myAnswer, labels }: MyResultsProps) {
  const { t } = useTranslation();
  const verdict =
    results.type === 'quiz' && question.type === 'quiz'
      ? wasRight(question.multiple, myChoiceIds(myAnswer), results.correctChoiceIds)
      : null;
  const quizRevealed = results.type === 'quiz' && results.correctChoiceIds !== null;
  const correctLabels =
    results.type === 'quiz' && results.correctChoiceIds && question.type === 'quiz'
      ? question.choices.filter((choice) => results.correctChoiceIds?.includes(choice.id)).map((c) => c.label)
      : [];

  return (
    <section className="attendee-results" aria-labelledby={`results-${question.id}`}>
      <h3 className="attendee-subtitle" id={`results-${question.id}`}>
        {t('attendee.results.title')}
      </h3>
      {quizRevealed ? (
        <p
          className={
            verdict === true
              ? 'attendee-verdict attendee-verdict--right'
              : 'attendee-verdict attendee-verdict--wrong'
          }
          data-testid="quiz-verdict"
          data-right={verdict === null ? 'none' : String(verdict)}
        >
          {verdict === true
            ? t('attendee.results.right')
            : verdict === false
              ? t('attendee.results.wrong', { answer: correctLabels.join(', ') })
              : t('attendee.results.noAnswer', { answer: correctLabels.join(', ') })}
        </p>
      ) : null}
      <QuestionResults question={question} results={results} labels={labels} />
    </section>
  );
}
