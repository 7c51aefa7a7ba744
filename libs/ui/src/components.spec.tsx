import type { QuestionDto, QuestionResultsDto } from '@podium/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { Countdown } from './countdown';
import { JoinBanner } from './join-banner';
import { qrRects, QrCode } from './qr-code';
import { QuestionResults } from './question-results';
import { formatRating } from './rating-results';
import { Scoreboard } from './scoreboard';

const base = { meetingId: 'm', position: 0, closedAt: null, title: 'Capital?' };

const quiz: QuestionDto = {
  ...base,
  id: 'q1',
  type: 'quiz',
  choices: [
    { id: 'p', label: 'Paris' },
    { id: 'l', label: 'Lyon' },
  ],
  multiple: false,
  scoring: 'standard',
  speedMaxPoints: 1000,
  allowAnswerChange: false,
  timeLimitSeconds: null,
};

function quizResults(correctChoiceIds: string[] | null): QuestionResultsDto {
  return {
    type: 'quiz',
    questionId: 'q1',
    answered: 30,
    counts: { p: 12, l: 18 },
    correctChoiceIds,
    correctCount: null,
  };
}

describe('QuestionResults', () => {
  it('gives each bar a text alternative with count and share', () => {
    const html = renderToStaticMarkup(<QuestionResults question={quiz} results={quizResults(null)} />);
    expect(html).toContain('data-type="quiz"');
    expect(html).toContain('Paris: 12 votes, 40%');
    expect(html).toContain('Lyon: 18 votes, 60%');
    expect(html).toContain('data-count="12"');
    expect(html).not.toContain('correct answer');
    expect(html).not.toContain('✓');
  });

  it('marks the correct answer once it is known', () => {
    const html = renderToStaticMarkup(<QuestionResults question={quiz} results={quizResults(['p'])} />);
    expect(html).toContain('Paris: 12 votes, 40%, correct answer');
    expect(html).toContain('✓');
    expect(html).toContain('data-correct="false"');
  });

  it('takes translated labels', () => {
    const html = renderToStaticMarkup(
      <QuestionResults
        question={quiz}
        results={quizResults(['p'])}
        labels={{ votes: (n) => `${n} voix`, correct: 'bonne réponse' }}
      />,
    );
    expect(html).toContain('Paris: 12 voix, 40%, bonne réponse');
  });

  it('renders nothing for the results of another question', () => {
    expect(
      renderToStaticMarkup(<QuestionResults question={{ ...quiz, id: 'q2' }} results={quizResults(null)} />),
    ).toBe('');
  });

  it('renders a word cloud with a text alternative per word', () => {
    const html = renderToStaticMarkup(
      <QuestionResults
        question={{
          ...base,
          id: 'w',
          type: 'wordcloud',
          maxWordsPerAttendee: 3,
          maxWordLength: 25,
          bannedWords: [],
          timeLimitSeconds: null,
        }}
        results={{ type: 'wordcloud', questionId: 'w', answered: 3, words: [{ text: 'café', count: 3 }] }}
      />,
    );
    expect(html).toContain('aria-label="Word cloud, 1 word"');
    expect(html).toContain('café, 3 times');
  });

  it('renders rating stats and hidden Q&A entries only for organizers', () => {
    const rating = renderToStaticMarkup(
      <QuestionResults
        question={{
          ...base,
          id: 'r',
          type: 'rating',
          scale: 'ten',
          hideResultsUntilClosed: false,
          allowAnswerChange: true,
          timeLimitSeconds: null,
        }}
        results={{
          type: 'rating',
          questionId: 'r',
          answered: 3,
          mean: 7.333,
          median: 8,
          distribution: [{ label: '8', count: 2 }],
        }}
      />,
    );
    expect(rating).toContain('7.3');
    expect(rating).toContain('out of 10');
    expect(rating).toContain('8: 2 votes, 67%');

    const qaQuestion: QuestionDto = { ...base, id: 'a', type: 'qa', timeLimitSeconds: null };
    const qaResults: QuestionResultsDto = {
      type: 'qa',
      questionId: 'a',
      entries: [
        {
          id: 'e1',
          text: 'Shown',
          authorNickname: 'Ann',
          upvotes: 3,
          pinned: true,
          answered: false,
          hidden: false,
          createdAt: '2025-01-01T00:00:00Z',
        },
        {
          id: 'e2',
          text: 'Secret',
          authorNickname: 'Bob',
          upvotes: 0,
          pinned: false,
          answered: false,
          hidden: true,
          createdAt: '2025-01-01T00:00:00Z',
        },
      ],
    };
    const publicHtml = renderToStaticMarkup(<QuestionResults question={qaQuestion} results={qaResults} />);
    expect(publicHtml).toContain('Shown');
    expect(publicHtml).toContain('3 upvotes');
    expect(publicHtml).not.toContain('Secret');
    const organizerHtml = renderToStaticMarkup(
      <QuestionResults
        question={qaQuestion}
        results={qaResults}
        showHidden
        renderQaActions={(e) => <button>{`pin ${e.id}`}</button>}
      />,
    );
    expect(organizerHtml).toContain('Secret');
    expect(organizerHtml).toContain('pin e2');
  });

  it('formats rating values', () => {
    expect(formatRating(null)).toBe('–');
    expect(formatRating(4)).toBe('4');
    expect(formatRating(4.25)).toBe('4.3');
  });
});

describe('Scoreboard', () => {
  it('lists the top rows and the highlighted attendee below them', () => {
    const entries = [1, 2, 3].map((rank) => ({
      attendeeId: `a${rank}`,
      nickname: `N${rank}`,
      rank,
      quizPoints: 0,
      flagPoints: 0,
      total: 10 - rank,
    }));
    const html = renderToStaticMarkup(<Scoreboard entries={entries} top={1} highlightId="a3" />);
    expect(html.match(/data-testid="scoreboard-row"/g)).toHaveLength(2);
    expect(html).toContain('Rank 1, N1, 9 points');
    expect(html).toContain('Rank 3, N3, 7 points (you)');
    expect(html).not.toContain('N2');
  });
});

describe('Scoreboard platform badges', () => {
  it('badges participants from a stream and says so to screen readers, not in-room attendees', () => {
    const entries = [
      {
        attendeeId: 'a1',
        nickname: 'Moth',
        rank: 1,
        quizPoints: 2,
        flagPoints: 0,
        total: 2,
        platform: 'twitch' as const,
      },
      { attendeeId: 'a2', nickname: 'Ana', rank: 2, quizPoints: 1, flagPoints: 0, total: 1 },
    ];
    const html = renderToStaticMarkup(<Scoreboard entries={entries} />);
    expect(html.match(/data-platform="twitch"/g)).toHaveLength(1);
    expect(html).toContain('Rank 1, Moth, 2 points, Twitch');
    expect(html).toContain('Rank 2, Ana, 1 point<');
  });
});

describe('QrCode and JoinBanner', () => {
  it('encodes into dark runs inside a square with a quiet zone', () => {
    const { size, rects } = qrRects('https://podium.example/join/ABCDEF');
    expect(size).toBeGreaterThanOrEqual(25);
    expect(rects.length).toBeGreaterThan(20);
    for (const rect of rects) {
      expect(rect.x).toBeGreaterThanOrEqual(2);
      expect(rect.x + rect.width).toBeLessThanOrEqual(size - 2);
    }
  });

  it('labels the QR code', () => {
    const html = renderToStaticMarkup(<QrCode value="https://x.test/join/ABCDEF" label="Join" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Join"');
  });

  it('shows the code unspaced and points the QR code at the join address with the code', () => {
    const html = renderToStaticMarkup(<JoinBanner joinCode="ABCDEF" joinUrl="https://podium.example/join" />);
    expect(html).toContain('podium.example/join</strong>');
    expect(html).toContain('data-testid="join-code"><span>ABC</span><span>DEF</span>');
    expect(html).toContain('aria-label="QR code to join: https://podium.example/join/ABCDEF"');
  });
});

describe('Countdown', () => {
  it('renders nothing without a deadline', () => {
    expect(renderToStaticMarkup(<Countdown closesAt={null} serverOffsetMs={0} />)).toBe('');
  });

  it('shows the time left as a timer', () => {
    const closesAt = new Date(Date.now() + 75_500).toISOString();
    const html = renderToStaticMarkup(<Countdown closesAt={closesAt} serverOffsetMs={0} />);
    expect(html).toContain('role="timer"');
    expect(html).toMatch(/1:1[56]/);
  });
});
