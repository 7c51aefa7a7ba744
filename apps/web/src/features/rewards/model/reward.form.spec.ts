import {
  buildCreateReward,
  buildUpdateReward,
  emptyReward,
  optionIds,
  rewardValues,
  splitCategories,
  validateCreateReward,
} from './reward.form';
import { reward } from '../test/rewards.factory';

describe('reward form', () => {
  it('builds a list reward with limits, categories and no type block', () => {
    const request = buildCreateReward({
      ...emptyReward('list'),
      name: ' Hydrate ',
      price: '50',
      categories: 'Just chatting, games ,',
      maxPerViewer: '2',
    });
    expect(request).toMatchObject({
      name: 'Hydrate',
      type: 'list',
      price: 50,
      categories: ['Just chatting', 'games'],
      maxPerStream: null,
      maxPerViewer: 2,
    });
    expect(request).not.toHaveProperty('goal');
    expect(validateCreateReward(request)).toEqual([]);
  });

  it('a note reward always requires a note', () => {
    expect(
      buildCreateReward({ ...emptyReward('note'), name: 'song', requiresNote: false }).requiresNote,
    ).toBe(true);
  });

  it('builds a goal with milestones sorted, and names a milestone past the target', () => {
    const values = {
      ...emptyReward('goal'),
      name: 'marathon',
      goalTarget: '500',
      milestones: [
        { at: '400', label: 'cake' },
        { at: '100', label: 'hat' },
        { at: '', label: '' },
      ],
    };
    expect(buildCreateReward(values).goal).toEqual({
      target: 500,
      milestones: [
        { at: 100, label: 'hat' },
        { at: 400, label: 'cake' },
      ],
    });
    const issues = validateCreateReward(buildCreateReward({ ...values, goalTarget: '300' }));
    expect(issues.map((issue) => issue.field)).toEqual(['goal.milestones.1.at']);
  });

  it('derives vote option ids once from labels, unique, keeping saved ids', () => {
    expect(
      optionIds([
        { id: '', label: 'Pizza night!' },
        { id: '', label: 'Pizza night' },
        { id: 'kept', label: 'Renamed' },
        { id: '', label: '???' },
      ]),
    ).toEqual(['pizza-night', 'pizza-night-2', 'kept', 'option-4']);
    const request = buildCreateReward({
      ...emptyReward('vote'),
      name: 'next-game',
      pricePerVote: '5',
      options: [
        { id: '', label: 'Celeste' },
        { id: '', label: 'Hades' },
        { id: '', label: ' ' },
      ],
    });
    expect(request.vote).toEqual({
      options: [
        { id: 'celeste', label: 'Celeste' },
        { id: 'hades', label: 'Hades' },
      ],
      pricePerVote: 5,
    });
    expect(validateCreateReward(request)).toEqual([]);
  });

  it('a special reward sends its secret only when typed, and refuses a non-http URL', () => {
    const values = { ...emptyReward('special'), name: 'lights', specialUrl: 'https://example.org/hook' };
    expect(buildCreateReward(values).special).toEqual({ url: 'https://example.org/hook' });
    expect(buildCreateReward({ ...values, specialSecret: 's'.repeat(20) }).special?.secret).toBe(
      's'.repeat(20),
    );
    const issues = validateCreateReward(buildCreateReward({ ...values, specialUrl: 'file:///etc/passwd' }));
    expect(issues.map((issue) => issue.field)).toEqual(['special.url']);
  });

  it('an edit starts from the saved reward and never sends the type', () => {
    const saved = reward('hydrate', { price: 70, categories: ['a b', 'c'], maxPerStream: 3 });
    const values = rewardValues(saved);
    expect(values).toMatchObject({ price: '70', categories: 'a b, c', maxPerStream: '3', maxPerViewer: '' });
    const request = buildUpdateReward(values);
    expect(request).not.toHaveProperty('type');
    expect(request).toMatchObject({ price: 70, categories: ['a b', 'c'], maxPerStream: 3 });
  });

  it('splits categories on commas only (names may hold spaces)', () => {
    expect(splitCategories(' Just chatting ,, IRL ')).toEqual(['Just chatting', 'IRL']);
  });
});
