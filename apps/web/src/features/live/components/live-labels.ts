import type { CountdownLabels, JoinBannerLabels, ResultsLabels, ScoreboardLabels } from '@podium/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export interface LiveLabels {
  results: ResultsLabels;
  scoreboard: ScoreboardLabels;
  countdown: CountdownLabels;
  join: JoinBannerLabels;
}

/** The @podium/ui components' texts in the reader's language (the lib itself ships English). */
export function useLiveLabels(): LiveLabels {
  // `t` changes identity when the language changes, so the memo follows the language.
  const { t } = useTranslation();
  return useMemo(
    () => ({
      results: {
        votes: (count) => t('live.results.votes', { count }),
        answers: (count) => t('live.results.answers', { count }),
        correct: t('live.results.correct'),
        noAnswers: t('live.results.noAnswers'),
        mean: t('live.results.mean'),
        median: t('live.results.median'),
        outOf: (max) => t('live.results.outOf', { max }),
        wordTimes: (word, count) => t('live.results.wordTimes', { word, count }),
        wordCloud: (count) => t('live.results.wordCloud', { count }),
        questions: (count) => t('live.results.questions', { count }),
        noQuestions: t('live.results.noQuestions'),
        upvotes: (count) => t('live.results.upvotes', { count }),
        pinned: t('live.results.pinned'),
        answered: t('live.results.answered'),
        hidden: t('live.results.hidden'),
        askedBy: (nickname) => t('live.results.askedBy', { nickname }),
      },
      scoreboard: {
        title: t('live.scoreboard.title'),
        row: (rank, nickname, total) => t('live.scoreboard.row', { rank, nickname, count: total }),
        empty: t('live.scoreboard.empty'),
        you: t('live.scoreboard.you'),
      },
      countdown: {
        secondsLeft: (count) => t('live.timer.secondsLeft', { count }),
        timeUp: t('live.timer.timeUp'),
      },
      join: {
        joinAt: t('live.join.joinAt'),
        withCode: t('live.join.withCode'),
        qr: (url) => t('live.join.qr', { url }),
      },
    }),
    [t],
  );
}
