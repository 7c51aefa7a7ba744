import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { ApiError } from '@/shared/api/api-error';
import { en } from '@/shared/i18n/locales/en';
import { type MergeSelection, NO_SELECTION, rememberViewers } from '../model/viewer-merge';
import { newViewer, owncastAda, twitchGrace, youtubeGrace } from '../test/viewer.factory';
import { ViewerMergeBar } from './viewer-merge-bar';
import { ViewerMergeDialog } from './viewer-merge-dialog';
import { VIEWERS_PAGE_SIZE, ViewerResults, type ViewerResultsProps } from './viewer-results';

beforeAll(async () => {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: { en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
});

const noop = () => undefined;

function results(overrides: Partial<ViewerResultsProps>): string {
  return renderToStaticMarkup(
    <ViewerResults
      viewers={[twitchGrace, youtubeGrace]}
      term=""
      fetching={false}
      error={null}
      onRetry={noop}
      selection={NO_SELECTION}
      known={new Map()}
      onPick={noop}
      {...overrides}
    />,
  );
}

const rows = (html: string) => html.match(/data-testid="viewer-row"/g)?.length ?? 0;

describe('ViewerResults', () => {
  it('announces loading before the first answer, and offers a retry when it fails', () => {
    expect(results({ viewers: undefined })).toContain('Loading viewers…');
    const failed = results({
      viewers: undefined,
      error: new ApiError({ statusCode: 500, code: 'internal', message: 'Database down' }),
    });
    expect(failed).toContain('role="alert"');
    expect(failed).toContain('Database down');
    expect(failed).toContain('Try again');
    expect(failed).not.toContain('<table');
  });

  it('tells an empty workspace from a search that found nobody', () => {
    expect(results({ viewers: [] })).toContain('No viewers yet.');
    expect(results({ viewers: [], term: 'zed' })).toContain('No viewer matches &quot;zed&quot;.');
  });

  it('lists each viewer with platform badge, name, login, roles and when they were seen', () => {
    const html = results({
      viewers: [newViewer({ roles: ['moderator', 'subscriber'] }), youtubeGrace],
    });
    expect(rows(html)).toBe(2);
    expect(html).toContain('data-platform="twitch"');
    expect(html).toContain('data-platform="youtube"');
    expect(html).toContain('Grace Hopper');
    expect(html).toContain('@grace');
    expect(html).toContain('>Mod<');
    expect(html).toContain('>Sub<');
    expect(html).toContain('>None<'); // YouTube Grace has no roles.
    expect(html).toContain('dateTime="2026-11-01T18:00:00.000Z"');
    expect(html).toContain('dateTime="2026-11-21T12:00:00.000Z"');
    expect(html).toMatch(/<caption[^>]*>Viewers, most recently seen first<\/caption>/);
    expect(html).toContain('scope="row"');
  });

  it('shows merged identities as links to the viewer holding their history', () => {
    const merged = { ...youtubeGrace, mergedIntoId: twitchGrace.id };
    const lost = { ...owncastAda, mergedIntoId: '00000000-0000-4000-8000-000000000099' };
    const html = results({
      viewers: [twitchGrace, merged, lost],
      known: rememberViewers(new Map(), [twitchGrace]),
    });
    expect(html).toContain('Merged into Grace (Twitch)');
    expect(html).toContain('Merged into another viewer');
    expect(html.match(/data-merged="true"/g)).toHaveLength(2);
  });

  it('gives moderators a pressed keep / merge pair per row, with names in their labels', () => {
    const selection: MergeSelection = { target: twitchGrace, source: youtubeGrace };
    const html = results({ selection });
    expect(html).toContain('class="viewer-row viewer-row--target"');
    expect(html).toContain('class="viewer-row viewer-row--source"');
    expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*aria-label="Keep Grace \(Twitch\)"/);
    expect(html).toMatch(
      /<button[^>]*aria-pressed="true"[^>]*aria-label="Merge Grace Hopper \(YouTube\) into the kept viewer"/,
    );
    expect(html.match(/data-testid="pick-target"/g)).toHaveLength(2);
  });

  it('is read-only without onPick: no merge column, no buttons', () => {
    const html = results({ onPick: undefined });
    expect(rows(html)).toBe(2);
    expect(html).not.toContain('<button');
    expect(html).not.toContain('>Merge<');
  });

  it('says when the server cut the list at its page size', () => {
    const full = Array.from({ length: VIEWERS_PAGE_SIZE }, (_, i) => newViewer({ id: `v${i}` }));
    expect(results({ viewers: full })).toContain('Showing the 50 most recently seen.');
    expect(results({})).not.toContain('Showing the');
  });
});

const bar = (
  selection: MergeSelection,
  lastMerge = null as Parameters<typeof ViewerMergeBar>[0]['lastMerge'],
) =>
  renderToStaticMarkup(
    <ViewerMergeBar selection={selection} lastMerge={lastMerge} onClear={noop} onMerge={noop} />,
  );

describe('ViewerMergeBar', () => {
  it('guides through the two choices and keeps the merge button unusable until then', () => {
    const empty = bar(NO_SELECTION);
    expect(empty).toContain('data-problem="noTarget"');
    expect(empty).toContain('Choose the viewer to keep.');
    expect(empty).toMatch(/<button[^>]*aria-disabled="true"[^>]*data-testid="merge-open"/);
    expect(bar({ target: twitchGrace, source: null })).toContain('Choose the viewer to merge into Grace.');
  });

  it('names both choices and allows the merge once they can be merged', () => {
    const html = bar({ target: twitchGrace, source: youtubeGrace });
    expect(html).toContain('data-problem=""');
    expect(html).toMatch(/<button[^>]*aria-disabled="false"[^>]*data-testid="merge-open"/);
    expect(html).toMatch(/data-testid="merge-target".*Grace.*data-testid="merge-source".*Grace Hopper/s);
  });

  it('warns about a pair the server would refuse or ignore', () => {
    const linked = { ...youtubeGrace, mergedIntoId: twitchGrace.id };
    const html = bar({ target: twitchGrace, source: linked });
    expect(html).toContain('viewer-merge__problem--warning');
    expect(html).toContain('Grace Hopper is already merged into Grace.');
  });

  it('confirms the last merge', () => {
    const html = bar(NO_SELECTION, { source: youtubeGrace, target: twitchGrace });
    expect(html).toContain('Grace Hopper (YouTube) is now merged into Grace (Twitch).');
  });
});

describe('ViewerMergeDialog', () => {
  const pair = { source: youtubeGrace, target: twitchGrace };
  const dialog = (error: unknown = null) =>
    renderToStaticMarkup(
      <ViewerMergeDialog pair={pair} pending={false} error={error} onConfirm={noop} onClose={noop} />,
    );

  it('says where the history goes and that it cannot be undone', () => {
    const html = dialog();
    expect(html).toContain('Merge Grace Hopper into Grace?');
    expect(html).toContain(
      'The chat history of Grace Hopper (YouTube) moves to Grace (Twitch), and what Grace Hopper does from now on counts for Grace. This cannot be undone from Podium.',
    );
    expect(html).not.toContain('role="alert"');
  });

  it('explains the server’s refusals in its own words, and other errors in the server’s', () => {
    const invalid = new ApiError({ statusCode: 400, code: 'chat.merge_invalid', message: 'x' });
    expect(dialog(invalid)).toContain('the kept viewer was merged into another one meanwhile');
    const gone = new ApiError({ statusCode: 404, code: 'chat.viewer_not_found', message: 'x' });
    expect(dialog(gone)).toContain('One of these viewers no longer exists.');
    const forbidden = new ApiError({ statusCode: 403, code: 'workspace.forbidden', message: 'x' });
    expect(dialog(forbidden)).toContain('Your role in this workspace does not allow that.');
  });

  it('renders nothing inside while closed', () => {
    const html = renderToStaticMarkup(
      <ViewerMergeDialog pair={null} pending={false} error={null} onConfirm={noop} onClose={noop} />,
    );
    expect(html).not.toContain('Merge');
  });
});
