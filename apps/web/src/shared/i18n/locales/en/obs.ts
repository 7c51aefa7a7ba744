/** English strings for OBS actions (on rewards and commands). */
export const obs = {
  obsAction: {
    label: 'OBS action',
    hint: 'Needs the "obs" overlay as a browser source with page permission "Advanced access to OBS".',
    none: 'None',
    switchScene: 'Switch scene',
    saveReplay: 'Save replay buffer',
    scene: 'Scene name',
    sceneHint: 'Exactly as in OBS (case matters).',
  },
};
