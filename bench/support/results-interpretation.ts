import { mib, ms, problems, rate, ratio } from './report-format';
import type { RunContext, SizeRun } from './results-report';

/** Heap still held after everyone left, above which the interpretation calls it a leak to look for. */
const RETAINED_WARNING_MIB = 5;

/** What the numbers say, computed from them so it stays true when the benchmark is run again. */
export function interpret(runs: readonly SizeRun[], ctx: Pick<RunContext, 'tickMs' | 'poolSize'>): string[] {
  const small = runs[0];
  const large = runs.at(-1);
  if (!small || !large) return ['No size completed.'];
  const growth = `${small.attendees} → ${large.attendees} attendees (${(large.attendees / small.attendees).toFixed(0)}×)`;
  const lines: string[] = [];
  for (const [name, pick, pickLoad] of [
    ['Poll', (run: SizeRun) => run.poll, (run: SizeRun) => run.pollLoad],
    ['Word cloud', (run: SizeRun) => run.words, (run: SizeRun) => run.wordsLoad],
  ] as const) {
    const a = pick(small);
    const b = pick(large);
    // The throttle pushes at once, then at most once per tick after each flush ends.
    const pushes = runs
      .map((run) => {
        const burst = pick(run);
        const ticks = burst.wallMs === null ? '?' : (Math.ceil(burst.wallMs / ctx.tickMs) + 1).toString();
        return `${burst.organizerPushes} (a burst that long could carry ${ticks})`;
      })
      .join(', ');
    const scaling =
      runs.length > 1
        ? `${growth}: the organizer saw every answer ${ratio(a.wallMs, b.wallMs)} later and the ack p95 grew ` +
          `${ratio(a.ackMs?.p95, b.ackMs?.p95)}; ${rate(b.acksOk, b.wallMs)} answers/s at the largest size. `
        : '';
    lines.push(`${name}: ${scaling}Organizer pushes during the burst: ${pushes}.`);
    const first = b.organizerTimeline[0];
    if (first && b.wallMs !== null && first.atMs > b.wallMs / 2) {
      lines.push(
        `${name}, N=${large.attendees}: the dashboard's first push of the burst came only ${first.atMs} ms after ` +
          `the first answer, counting ${first.counted} of ${b.answersSent}; the burst was over at ` +
          `${ms(b.wallMs)} ms. Live results did not move while the answers were being written: the push count ` +
          `stays small because the pushes stalled, not only because of the tick.`,
      );
    }
    const load = pickLoad(large);
    if (load.cpuPercent < 80) {
      lines.push(
        `${name}, N=${large.attendees}: the api process used ${load.cpuPercent.toFixed(0)} % of a core while ` +
          `acks queued for up to ${ms(b.ackMs?.max ?? null)} ms: it was waiting, not computing (database pool of ` +
          `${ctx.poolSize} connections).`,
      );
    }
  }
  const phoneSpread = runs.every((run) =>
    [run.poll, run.words].every((b) => b.attendeePushes.max - b.organizerPushes <= 1),
  );
  lines.push(
    phoneSpread
      ? 'Every phone received about as many `meeting.results` as the organizer (at most one more): pushes per ' +
          'client follow the ticks of the burst, not the number of votes.'
      : 'Some phone received more `meeting.results` than the organizer plus one: see the phone pushes column.',
  );
  const failures = runs.flatMap((run) =>
    [run.poll, run.words]
      .map((b) => problems(b))
      .filter((p) => p !== 'none')
      .map((p) => `N=${run.attendees}: ${p}`),
  );
  lines.push(
    failures.length === 0
      ? 'No answer was refused and no ack timed out.'
      : `Refused or timed-out answers: ${failures.join('; ')}.`,
  );
  if (runs.length > 1) {
    lines.push(
      `One phone's re-join snapshot with the room full: ${small.resync.after.attendeeMs.toFixed(0)} ms at ` +
        `N=${small.attendees}, ${large.resync.after.attendeeMs.toFixed(0)} ms at N=${large.attendees} ` +
        `(${ratio(small.resync.after.attendeeMs, large.resync.after.attendeeMs)}); a whole room reconnecting ` +
        `costs N times that.`,
    );
  }
  const perAttendee = runs
    .map((run) =>
      (((run.memory.connected.heapUsed - run.memory.setup.heapUsed) * 1024) / run.attendees).toFixed(0),
    )
    .join(', ');
  const retained = runs.map((run) => run.memory.afterDisconnect.heapUsed - run.memory.setup.heapUsed);
  lines.push(
    `Api heap per connected attendee: ${perAttendee} KiB (per size); heap left above the setup level once ` +
      `everyone disconnected: ${retained.map(mib).join(', ')} MiB (per size)` +
      (Math.max(...retained) < RETAINED_WARNING_MIB
        ? ': nothing piles up per attendee or per answer.'
        : `: over ${RETAINED_WARNING_MIB} MiB stayed, look for something kept per attendee or per answer.`),
  );
  return lines;
}
