import type { EventAlertSettingsDto } from '@podium/contracts';
import { eventAlertDraft, eventAlertRequest, previewEventAlert, usesMinAmount } from './alerts-form';

const words = { notANumber: 'must be a number', durationRange: 'must be between 1 and 60 seconds' };
const MEDIA = '0b7e5f8a-1c2d-4e3f-8a9b-0c1d2e3f4a5b';

const settings = (overrides: Partial<EventAlertSettingsDto> = {}): EventAlertSettingsDto => ({
  kind: 'cheer',
  enabled: true,
  chatTemplate: 'Thanks for the {amount} bits, {user}!',
  alertTemplate: '{user} cheered {amount} bits!',
  mediaId: null,
  soundMediaId: MEDIA,
  durationMs: 5000,
  minAmount: 100,
  customized: true,
  ...overrides,
});

describe('eventAlertRequest', () => {
  it('round-trips saved settings: seconds back to ms, no media back to null', () => {
    const checked = eventAlertRequest('cheer', eventAlertDraft(settings()), words);
    expect(checked).toEqual({
      ok: true,
      request: {
        enabled: true,
        chatTemplate: 'Thanks for the {amount} bits, {user}!',
        alertTemplate: '{user} cheered {amount} bits!',
        mediaId: null,
        soundMediaId: MEDIA,
        durationMs: 5000,
        minAmount: 100,
      },
    });
  });

  it('takes fractional seconds and trims the templates', () => {
    const draft = { ...eventAlertDraft(settings()), durationSeconds: '2.5', chatTemplate: '  hi {user}  ' };
    const checked = eventAlertRequest('cheer', draft, words);
    expect(checked.ok && checked.request).toMatchObject({ durationMs: 2500, chatTemplate: 'hi {user}' });
  });

  it('sends 0 as the minimum of kinds without an amount, whatever the hidden input holds', () => {
    const draft = { ...eventAlertDraft(settings({ kind: 'follow' })), minAmount: 'junk' };
    const checked = eventAlertRequest('follow', draft, words);
    expect(checked.ok && checked.request.minAmount).toBe(0);
    expect(usesMinAmount('follow')).toBe(false);
    expect(usesMinAmount('raid')).toBe(true);
  });

  it('names the duration at fault in seconds, at the 1 s and 60 s boundaries', () => {
    const at = (durationSeconds: string) =>
      eventAlertRequest('cheer', { ...eventAlertDraft(settings()), durationSeconds }, words);
    expect(at('1').ok).toBe(true);
    expect(at('60').ok).toBe(true);
    expect(at('0.9')).toEqual({ ok: false, errors: { durationMs: words.durationRange } });
    expect(at('61')).toEqual({ ok: false, errors: { durationMs: words.durationRange } });
    expect(at('')).toEqual({ ok: false, errors: { durationMs: words.notANumber } });
  });

  it('refuses a negative minimum and an over-long template with the contract’s own messages', () => {
    const draft = { ...eventAlertDraft(settings()), minAmount: '-1', alertTemplate: 'x'.repeat(501) };
    const checked = eventAlertRequest('cheer', draft, words);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(Object.keys(checked.errors).sort()).toEqual(['alertTemplate', 'minAmount']);
  });
});

describe('previewEventAlert', () => {
  it('fills the placeholders with sample values, as a test alert would', () => {
    expect(previewEventAlert('cheer', '{user} cheered {amount} bits!')).toBe('TestViewer cheered 100 bits!');
    expect(previewEventAlert('raid', '{user} raids with {viewers}')).toBe('TestViewer raids with 42');
  });

  it('leaves unknown placeholders as typed', () => {
    expect(previewEventAlert('follow', 'hi {nobody}')).toBe('hi {nobody}');
  });
});
