import type { MeetingReportDto, StreamReportDto } from '@podium/contracts';
import { csvField, reportCsv } from './report-csv.rules';

const stream: StreamReportDto = {
  id: 'r1',
  workspaceId: 'w',
  kind: 'stream',
  title: 'Rehearsal, "live"',
  connectionId: 'c',
  platform: 'rehearsal',
  startedAt: '2026-01-01T10:00:00.000Z',
  endedAt: '2026-01-01T10:01:00.000Z',
  durationSeconds: 60,
  computedAt: '2026-01-01T10:01:01.000Z',
  totals: {
    chatMessages: 3,
    uniqueChatters: 2,
    follows: 1,
    subscriptions: 0,
    giftedSubscriptions: 0,
    bits: 100,
    raids: 0,
    raidViewers: 0,
    donations: 1,
    donationAmounts: { EUR: '5.00' },
    redemptions: 1,
    pointsGiven: 10,
    pointsSpent: 5,
  },
  viewers: [{ at: '2026-01-01T10:00:30.000Z', viewers: 7 }],
  peakViewers: 7,
  averageViewers: 7,
  viewerSource: { sampled: true, note: 'sampled' },
  activity: [{ at: '2026-01-01T10:00:00.000Z', messages: 3 }],
};

describe('reportCsv', () => {
  it('writes a stream report as section rows after a header, quoting text', () => {
    const lines = reportCsv(stream).trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,name,at,value');
    expect(lines).toContain('stream,title,,"Rehearsal, ""live"""');
    expect(lines).toContain('totals,chatMessages,,3');
    expect(lines).toContain('totals,bits,,100');
    expect(lines).toContain('donationAmounts,EUR,,5.00');
    expect(lines).toContain('viewers,sample,2026-01-01T10:00:30.000Z,7');
    expect(lines).toContain('activity,messages,2026-01-01T10:00:00.000Z,3');
  });

  it('writes a meeting report as one row per question', () => {
    const meeting: MeetingReportDto = {
      id: 'r2',
      workspaceId: 'w',
      kind: 'meeting',
      meetingId: 'm',
      title: 'Quiz night',
      startedAt: stream.startedAt,
      endedAt: stream.endedAt,
      durationSeconds: 60,
      computedAt: stream.computedAt,
      attendance: { attendees: 4, participants: 3 },
      questions: [
        {
          questionId: 'q',
          position: 0,
          type: 'quiz',
          title: '=cmd()',
          answers: 3,
          participationRate: 0.75,
          correct: 2,
          correctRate: 0.6667,
        },
      ],
    };
    expect(reportCsv(meeting)).toBe(
      'position,type,title,answers,attendees,participationRate,correct,correctRate\r\n' +
        "1,quiz,'=cmd(),3,4,0.75,2,0.6667\r\n",
    );
  });

  it('neutralises spreadsheet formulas and leaves numbers alone', () => {
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField(-5)).toBe('-5');
    expect(csvField(null)).toBe('');
  });
});
