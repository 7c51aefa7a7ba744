import type { RevolutionBotDto } from '@podium/contracts';
import {
  newRevolutionDraft,
  previewRevolutionMessage,
  revolutionDraft,
  revolutionRequest,
} from './revolutions-form';

const words = { notANumber: 'must be a number', durationRange: 'must be between 1 and 60 seconds' };
const ANIMATION = '0b7e5f8a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

const bot: RevolutionBotDto = {
  id: 'r1',
  workspaceId: 'w1',
  name: 'Uprising',
  trigger: '!revolution',
  threshold: 30,
  windowSeconds: 120,
  cooldownSeconds: 600,
  message: '{count} viewers rose up!',
  mediaId: ANIMATION,
  soundMediaId: null,
  alertDurationMs: 8000,
  enabled: false,
  showOnOverlay: true,
  createdAt: '2026-11-21T12:00:00.000Z',
  updatedAt: '2026-11-21T12:00:00.000Z',
};

describe('revolutionRequest', () => {
  it('round-trips a saved bot into a full request', () => {
    expect(revolutionRequest(revolutionDraft(bot), words)).toEqual({
      ok: true,
      request: {
        name: 'Uprising',
        trigger: '!revolution',
        threshold: 30,
        windowSeconds: 120,
        cooldownSeconds: 600,
        message: '{count} viewers rose up!',
        mediaId: ANIMATION,
        soundMediaId: null,
        alertDurationMs: 8000,
        enabled: false,
        showOnOverlay: true,
      },
    });
  });

  it('needs a name on a new bot, and is otherwise valid with the defaults', () => {
    expect(revolutionRequest(newRevolutionDraft(), words)).toEqual({
      ok: false,
      errors: { name: 'is required' },
    });
    expect(revolutionRequest({ ...newRevolutionDraft(), name: 'Riot' }, words).ok).toBe(true);
  });

  it('maps each bad field to its contract name', () => {
    const checked = revolutionRequest(
      {
        ...revolutionDraft(bot),
        trigger: '!viva la',
        threshold: '1',
        windowSeconds: 'soon',
        cooldownSeconds: '86401',
        alertDurationSeconds: '0.5',
      },
      words,
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['trigger']).toBe('must be a single word');
    expect(checked.errors['threshold']).toMatch(/2/);
    expect(checked.errors['windowSeconds']).toBe('must be a number');
    expect(checked.errors['cooldownSeconds']).toMatch(/86400/);
    expect(checked.errors['alertDurationMs']).toBe('must be between 1 and 60 seconds');
  });

  it('accepts the threshold’s bounds 2 and 10000 exactly', () => {
    const at = (threshold: string) => revolutionRequest({ ...revolutionDraft(bot), threshold }, words).ok;
    expect([at('2'), at('10000'), at('10001'), at('2.5')]).toEqual([true, true, false, false]);
  });
});

describe('previewRevolutionMessage', () => {
  it('shows the message as posted at the fire, {count} being the threshold', () => {
    expect(previewRevolutionMessage({ message: '{count} rose, {count}!', threshold: '30' })).toBe(
      '30 rose, 30!',
    );
    expect(previewRevolutionMessage({ message: '{count} rose', threshold: '' })).toBe('{count} rose');
  });
});
