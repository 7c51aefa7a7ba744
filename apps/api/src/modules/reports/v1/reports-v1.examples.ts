import type { MeetingReportDto, ReportListDto, StreamReportDto } from '@podium/contracts';

/** Examples for the OpenAPI document of the reports v1 routes. */
export const STREAM_REPORT_EXAMPLE: StreamReportDto = {
  id: '5b1d8f0e-3c0a-4d8e-9a57-4f0a2b7c9d11',
  workspaceId: '0f8b6d3c-2a41-4e7b-8d2c-9a1b3c4d5e6f',
  kind: 'stream',
  title: 'Twitch · podiumtv',
  connectionId: '7c2e4a19-5b3d-4f60-8e21-0d9c8b7a6f54',
  platform: 'twitch',
  startedAt: '2026-11-20T19:00:04.000Z',
  endedAt: '2026-11-20T21:12:40.000Z',
  durationSeconds: 7956,
  computedAt: '2026-11-20T21:12:41.120Z',
  totals: {
    chatMessages: 1843,
    uniqueChatters: 212,
    follows: 37,
    subscriptions: 9,
    giftedSubscriptions: 5,
    bits: 2300,
    raids: 1,
    raidViewers: 48,
    donations: 3,
    donationAmounts: { EUR: '25.00' },
    redemptions: 64,
    pointsGiven: 48210,
    pointsSpent: 31900,
  },
  viewers: [
    { at: '2026-11-20T19:01:00.000Z', viewers: 87 },
    { at: '2026-11-20T19:02:00.000Z', viewers: 112 },
  ],
  peakViewers: 112,
  averageViewers: 100,
  viewerSource: { sampled: true, note: "Twitch's viewer count, sampled every minute (2 samples)" },
  activity: [
    { at: '2026-11-20T19:00:00.000Z', messages: 12 },
    { at: '2026-11-20T19:01:00.000Z', messages: 31 },
  ],
};

export const MEETING_REPORT_EXAMPLE: MeetingReportDto = {
  id: '9e0c1a2b-3d4e-4f50-8a6b-7c8d9e0f1a2b',
  workspaceId: '0f8b6d3c-2a41-4e7b-8d2c-9a1b3c4d5e6f',
  kind: 'meeting',
  meetingId: '3a4b5c6d-7e8f-4a0b-9c1d-2e3f4a5b6c7d',
  title: 'Friday quiz night',
  startedAt: '2026-11-20T18:00:00.000Z',
  endedAt: '2026-11-20T18:45:10.000Z',
  durationSeconds: 2710,
  computedAt: '2026-11-20T18:45:10.410Z',
  attendance: { attendees: 40, participants: 37 },
  questions: [
    {
      questionId: '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d',
      position: 1,
      type: 'quiz',
      title: 'Capital of France?',
      answers: 36,
      participationRate: 0.9,
      correct: 30,
      correctRate: 0.8333,
    },
  ],
};

export const REPORT_LIST_EXAMPLE: ReportListDto = {
  reports: [
    {
      id: STREAM_REPORT_EXAMPLE.id,
      kind: 'stream',
      title: STREAM_REPORT_EXAMPLE.title,
      platform: 'twitch',
      startedAt: STREAM_REPORT_EXAMPLE.startedAt,
      endedAt: STREAM_REPORT_EXAMPLE.endedAt,
      durationSeconds: STREAM_REPORT_EXAMPLE.durationSeconds,
      computedAt: STREAM_REPORT_EXAMPLE.computedAt,
      headline: 1843,
    },
  ],
  nextBefore: null,
};

export const MEETING_REPORT_CSV_EXAMPLE =
  'position,type,title,answers,attendees,participationRate,correct,correctRate\r\n' +
  '2,quiz,Capital of France?,36,40,0.9,30,0.8333\r\n';
