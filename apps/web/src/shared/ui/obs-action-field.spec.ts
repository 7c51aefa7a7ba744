import { CreateRewardRequestSchema } from '@podium/contracts';
import { NO_OBS_ACTION, obsActionValues, toObsAction } from './obs-action-field';

describe('OBS action form values', () => {
  it('round-trip each stored action and send null for none', () => {
    expect(toObsAction(obsActionValues({ action: 'switch_scene', scene: 'Be right back' }))).toEqual({
      action: 'switch_scene',
      scene: 'Be right back',
    });
    expect(toObsAction(obsActionValues({ action: 'save_replay' }))).toEqual({ action: 'save_replay' });
    expect(obsActionValues(null)).toEqual(NO_OBS_ACTION);
    expect(toObsAction(NO_OBS_ACTION)).toBeNull();
  });

  it('trims the scene, and a blank one fails the contract at obsAction.scene', () => {
    expect(toObsAction({ kind: 'switch_scene', scene: '  Camera  ' })).toEqual({
      action: 'switch_scene',
      scene: 'Camera',
    });
    const parsed = CreateRewardRequestSchema.safeParse({
      name: 'brb',
      type: 'list',
      obsAction: toObsAction({ kind: 'switch_scene', scene: '   ' }),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['obsAction.scene']);
  });
});
