import { DEFAULT_ACTION_POINTS_SETTINGS, DEFAULT_POINTS_SETTINGS } from '@podium/contracts';
import { buildSettingsRequests, settingsValues, validateSettings } from './points-settings.form';

const values = () => settingsValues(DEFAULT_POINTS_SETTINGS, DEFAULT_ACTION_POINTS_SETTINGS);

describe('points settings form', () => {
  it('round-trips the saved settings into the two PUT bodies', () => {
    const requests = buildSettingsRequests(values());
    expect(requests.core).toEqual(DEFAULT_POINTS_SETTINGS);
    expect(requests.actions).toEqual(DEFAULT_ACTION_POINTS_SETTINGS);
    expect(validateSettings(requests)).toEqual([]);
  });

  it('sends typed numbers, trims the currency and sorts bonuses by length, dropping blank rows', () => {
    const requests = buildSettingsRequests({
      ...values(),
      currencyName: '  gems ',
      pointsPerCycle: '25',
      follow: '7',
      streakBonuses: [
        { length: '10', points: '500' },
        { length: '', points: '' },
        { length: '3', points: '40' },
      ],
    });
    expect(requests.core.currencyName).toBe('gems');
    expect(requests.core.pointsPerCycle).toBe(25);
    expect(requests.actions.follow).toBe(7);
    expect(requests.actions.streakBonuses).toEqual([
      { length: 3, points: 40 },
      { length: 10, points: 500 },
    ]);
  });

  it('names the fields the contract refuses, with the api’s dotted paths', () => {
    const issues = validateSettings(
      buildSettingsRequests({
        ...values(),
        currencyName: ' ',
        cycleMinutes: 'ten',
        per100Bits: '-1',
        streakBonuses: [
          { length: '3', points: '10' },
          { length: '3', points: '20' },
        ],
      }),
    );
    const fields = issues.map((issue) => issue.field);
    expect(fields).toEqual(
      expect.arrayContaining(['currencyName', 'cycleMinutes', 'per100Bits', 'streakBonuses']),
    );
    expect(fields).not.toContain('pointsPerCycle');
  });
});
