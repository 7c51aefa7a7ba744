import { fromSnapshot } from '@podium/ui';
import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { initReactI18next } from 'react-i18next';
import { en } from '@/shared/i18n/locales/en';
import { newControl, newOrganizerSnapshot, newPoll, newState } from '@podium/ui/testing';
import { ControlBanner } from './control-banner';
import { LiveControls } from './live-controls';

beforeAll(async () => {
  await i18next
    .use(initReactI18next)
    .init({ lng: 'en', resources: { en: { translation: en } }, initAsync: false });
});

const noop = () => undefined;

describe('ControlBanner', () => {
  it('says this tab is in control, without a take-over button', () => {
    const view = fromSnapshot(newOrganizerSnapshot({ control: newControl('tab-1') }));
    const html = renderToStaticMarkup(
      <ControlBanner view={view} clientId="tab-1" taking={false} onTakeControl={noop} />,
    );
    expect(html).toContain('data-state="in-control"');
    expect(html).toContain('You are in control');
    expect(html).not.toContain('data-testid="take-control"');
  });

  it('names who is in control and offers to take over', () => {
    const view = fromSnapshot(newOrganizerSnapshot({ control: newControl('tab-2', 'Grace') }));
    const html = renderToStaticMarkup(
      <ControlBanner view={view} clientId="tab-1" taking={false} onTakeControl={noop} />,
    );
    expect(html).toContain('data-state="read-only"');
    expect(html).toContain('Grace is in control — read-only');
    expect(html).toContain('data-testid="take-control"');
  });

  it('never offers control to viewers', () => {
    const view = fromSnapshot(newOrganizerSnapshot({ control: newControl('tab-2'), canControl: false }));
    const html = renderToStaticMarkup(
      <ControlBanner view={view} clientId="tab-1" taking={false} onTakeControl={noop} />,
    );
    expect(html).toContain('You are watching — read-only');
    expect(html).not.toContain('take-control');
  });
});

describe('LiveControls', () => {
  /** The commands whose button is disabled, read from each `<button …>` tag whatever its attribute order. */
  const disabledCommands = (html: string) =>
    [...html.matchAll(/<button[^>]*>/g)]
      .filter((m) => m[0].includes('disabled=""'))
      .map((m) => /data-testid="cmd-(\w+)"/.exec(m[0])?.[1])
      .sort();

  it('enables what the phase allows, with the usual next step as the primary button', () => {
    const state = newState({ phase: 'question_closed', questionIndex: 1, question: newPoll() });
    const html = renderToStaticMarkup(<LiveControls state={state} enabled pending={null} onCommand={noop} />);
    expect(disabledCommands(html)).toEqual(['close', 'start']);
    expect(html).toMatch(/data-testid="cmd-results"[^>]*class="btn btn--primary"/);
  });

  it('disables everything while a command is in flight, or when this tab is read-only', () => {
    const state = newState({ phase: 'waiting' });
    const all = ['back', 'close', 'end', 'next', 'results', 'scoreboard', 'start'];
    expect(
      disabledCommands(
        renderToStaticMarkup(<LiveControls state={state} enabled pending="next" onCommand={noop} />),
      ),
    ).toEqual(all);
    expect(
      disabledCommands(
        renderToStaticMarkup(<LiveControls state={state} enabled={false} pending={null} onCommand={noop} />),
      ),
    ).toEqual(all);
  });
});
