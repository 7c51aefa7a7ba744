import type { CountdownLabels, ResultsLabels, ScoreboardLabels } from '@podium/ui';
import { useTranslation } from 'react-i18next';

/** The libs/ui components' words, in the attendee's language. */
export function useUiLabels(myNickname: string | null) {
  const { t } = useTranslation();
  const results: ResultsLabels = {
    votes: (count) => t('attendee.results.votes', { count }),
    answers: (count) => t('attendee.results.answers', { count }),
    correct: t('attendee.results.correct'),
    noAnswers: t('attendee.results.noAnswers'),
    mean: t('attendee.results.mean'),
    median: t('attendee.results.median'),
    outOf: (max) => t('attendee.results.outOf', { max }),
    wordTimes: (word, count) => t('attendee.results.wordTimes', { word, count }),
    wordCloud: (count) => t('attendee.results.wordCloud', { count }),
    questions: (count) => t('attendee.qa.listTitle', { count }),
    noQuestions: t('attendee.qa.empty'),
    upvotes: (count) => t('attendee.qa.upvotes', { count }),
    pinned: t('attendee.qa.pinned'),
    answered: t('attendee.qa.answered'),
    hidden: t('attendee.qa.hidden'),
    askedBy: (nickname) =>
      nickname === myNickname ? t('attendee.qa.byYou') : t('attendee.qa.by', { nickname }),
  };
  const scoreboard: ScoreboardLabels = {
    title: t('attendee.scoreboard.title'),
    row: (rank, nickname, total) => t('attendee.scoreboard.row', { rank, nickname, count: total }),
    empty: t('attendee.scoreboard.empty'),
    you: t('attendee.scoreboard.you'),
  };
  const countdown: CountdownLabels = {
    secondsLeft: (count) => t('attendee.question.secondsLeft', { count }),
    timeUp: t('attendee.question.timeUp'),
  };
  return { results, scoreboard, countdown };
}
