import { z } from 'zod';

/**
 * OBS actions: a reward or a bot command can make the streamer's OBS switch scene or save the
 * replay buffer, through the `obs` overlay page (a browser source) and OBS's `window.obsstudio` API.
 * The browser source's "Page permissions" must allow it: saving the replay buffer needs "Basic
 * access to OBS", switching scenes needs "Advanced access to OBS".
 */
export const OBS_ACTION_KINDS = ['switch_scene', 'save_replay'] as const;
export type ObsActionKind = (typeof OBS_ACTION_KINDS)[number];

/** OBS scene names are free text; this bounds what we store and push. */
export const OBS_SCENE_NAME_MAX = 200;

export const ObsActionSchema = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('switch_scene'),
    /** The OBS scene's exact name (case-sensitive, as in OBS's Scenes dock). */
    scene: z.string().trim().min(1, { message: 'is required' }).max(OBS_SCENE_NAME_MAX),
  }),
  z.object({ action: z.literal('save_replay') }),
]);
export type ObsAction = z.infer<typeof ObsActionSchema>;

/** On rewards and commands: absent keeps the current one (updates), null removes it. */
export const OptionalObsActionSchema = ObsActionSchema.nullable().optional();

/** The permission level (obs-browser's `getControlLevel`) each action needs: 3 BASIC, 4 ADVANCED. */
export const OBS_CONTROL_LEVEL_NEEDED: Record<ObsActionKind, number> = {
  save_replay: 3,
  switch_scene: 4,
};

/** Socket event `obs.action` (overlays of the workspace; the `obs` overlay acts on it). */
export interface ObsActionPayload {
  workspaceId: string;
  /** Unique per firing: an overlay that sees the same id twice acts once. */
  id: string;
  action: ObsAction;
  /** What fired it, for the overlay's status line and the logs. */
  source: { kind: 'reward' | 'command'; id: string; name: string };
  firedAt: string;
}
