/**
 * Limits of what a question may hold. Plain values, apart from the schemas in
 * questions.contract.ts, so a client that only shows a counter does not load the schema library.
 */
export const QUESTION_LIMITS = {
  titleMax: 300,
  slideBodyMax: 5_000,
  choicesMin: 2,
  choicesMax: 10,
  choiceLabelMax: 200,
  wordsPerAttendeeMax: 10,
  wordLengthMax: 60,
  bannedWordsMax: 500,
  qaTextMax: 280,
  timeLimitMinSeconds: 5,
  timeLimitMaxSeconds: 3_600,
  speedMaxPointsMax: 10_000,
  questionsPerMeetingMax: 200,
} as const;
