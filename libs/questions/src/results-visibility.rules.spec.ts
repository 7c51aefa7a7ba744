import { MEETING_PHASES, type MeetingPhase, type QaEntryDto } from '@podium/contracts';
import { resultsVisibleTo, revealCorrectAnswer, visibleQaEntries } from './results-visibility.rules';

const OPEN: MeetingPhase[] = ['question_open'];
const CLOSED: MeetingPhase[] = ['question_closed', 'results', 'scoreboard'];
const NO_QUESTION: MeetingPhase[] = ['before', 'waiting', 'after'];

function visiblePhases(
  audience: 'organizer' | 'attendee' | 'overlay',
  question: Parameters<typeof resultsVisibleTo>[1],
): MeetingPhase[] {
  return MEETING_PHASES.filter((phase) => resultsVisibleTo(audience, question, phase));
}

describe('resultsVisibleTo', () => {
  it('shows organizers everything, always', () => {
    for (const type of ['slide', 'poll', 'quiz', 'wordcloud', 'rating', 'qa'] as const) {
      expect(visiblePhases('organizer', { type, hideResultsUntilClosed: true })).toEqual([...MEETING_PHASES]);
    }
  });

  describe.each(['attendee', 'overlay'] as const)('for %s', (audience) => {
    it('never shows slides', () => {
      expect(visiblePhases(audience, { type: 'slide' })).toEqual([]);
    });

    it.each(['poll', 'rating'] as const)('shows %s results while open and once closed', (type) => {
      expect(visiblePhases(audience, { type, hideResultsUntilClosed: false })).toEqual([...OPEN, ...CLOSED]);
    });

    it.each(['poll', 'rating'] as const)('hides %s results until closed when asked to', (type) => {
      expect(visiblePhases(audience, { type, hideResultsUntilClosed: true })).toEqual(CLOSED);
    });

    it('shows quizzes only once closed', () => {
      expect(visiblePhases(audience, { type: 'quiz' })).toEqual(CLOSED);
    });

    it.each(['wordcloud', 'qa'] as const)('always shows %s results while there is a question', (type) => {
      expect(visiblePhases(audience, { type })).toEqual([...OPEN, ...CLOSED]);
    });

    it('shows nothing before, while waiting or after', () => {
      for (const phase of NO_QUESTION) {
        expect(resultsVisibleTo(audience, { type: 'wordcloud' }, phase)).toBe(false);
      }
    });
  });
});

describe('revealCorrectAnswer', () => {
  it('reveals to organizers always and to others once closed', () => {
    expect(MEETING_PHASES.filter((phase) => revealCorrectAnswer('organizer', phase))).toEqual([
      ...MEETING_PHASES,
    ]);
    expect(MEETING_PHASES.filter((phase) => revealCorrectAnswer('attendee', phase))).toEqual(CLOSED);
    expect(MEETING_PHASES.filter((phase) => revealCorrectAnswer('overlay', phase))).toEqual(CLOSED);
  });
});

describe('visibleQaEntries', () => {
  const entry = (id: string, hidden: boolean): QaEntryDto => ({
    id,
    text: 't',
    authorNickname: 'n',
    upvotes: 0,
    pinned: false,
    answered: false,
    hidden,
    createdAt: '2025-01-01T10:00:00.000Z',
  });

  it('keeps hidden entries for organizers only', () => {
    const entries = [entry('shown', false), entry('hidden', true)];
    expect(visibleQaEntries('organizer', entries).map((e) => e.id)).toEqual(['shown', 'hidden']);
    expect(visibleQaEntries('attendee', entries).map((e) => e.id)).toEqual(['shown']);
    expect(visibleQaEntries('overlay', entries).map((e) => e.id)).toEqual(['shown']);
  });
});
