import type { MeetingReportDto, ReportDto, StreamReportDto } from '@podium/contracts';

type Cell = string | number | boolean | null;

/**
 * One CSV field (RFC 4180 quoting). A text cell starting with = + - @ (or tab/CR) is prefixed
 * with a quote so a spreadsheet never runs it as a formula: titles and chat text are data.
 */
export function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRows(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * A stream report as one CSV table of `section,name,at,value` rows: the totals, then each viewer
 * sample, then each minute of chat activity.
 */
function streamCsv(report: StreamReportDto): string {
  const rows: Cell[][] = [['section', 'name', 'at', 'value']];
  rows.push(['stream', 'title', null, report.title]);
  rows.push(['stream', 'platform', null, report.platform]);
  rows.push(['stream', 'startedAt', null, report.startedAt]);
  rows.push(['stream', 'endedAt', null, report.endedAt]);
  rows.push(['stream', 'durationSeconds', null, report.durationSeconds]);
  const { donationAmounts, ...counts } = report.totals;
  for (const [name, value] of Object.entries(counts)) rows.push(['totals', name, null, value]);
  for (const [currency, amount] of Object.entries(donationAmounts)) {
    rows.push(['donationAmounts', currency, null, amount]);
  }
  rows.push(['viewers', 'peak', null, report.peakViewers]);
  rows.push(['viewers', 'average', null, report.averageViewers]);
  rows.push(['viewers', 'source', null, report.viewerSource.note]);
  for (const sample of report.viewers) rows.push(['viewers', 'sample', sample.at, sample.viewers]);
  for (const bucket of report.activity) rows.push(['activity', 'messages', bucket.at, bucket.messages]);
  return csvRows(rows);
}

/** A meeting report as one row per question, after a header. */
function meetingCsv(report: MeetingReportDto): string {
  const rows: Cell[][] = [
    ['position', 'type', 'title', 'answers', 'attendees', 'participationRate', 'correct', 'correctRate'],
  ];
  for (const question of report.questions) {
    rows.push([
      question.position + 1,
      question.type,
      question.title,
      question.answers,
      report.attendance.attendees,
      question.participationRate,
      question.correct,
      question.correctRate,
    ]);
  }
  return csvRows(rows);
}

/** The CSV download of a report. */
export function reportCsv(report: ReportDto): string {
  return report.kind === 'stream' ? streamCsv(report) : meetingCsv(report);
}
