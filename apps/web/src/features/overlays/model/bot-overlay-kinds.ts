/** The bots' overlay pages and the OBS browser source size each is laid out for. */
export const BOT_OVERLAY_KINDS = [
  // Full canvas: alerts play centred, the !timer countdown sits in a corner.
  { kind: 'alerts', width: 1920, height: 1080 },
  // A bar: one row per revolution bot shown on the overlay.
  { kind: 'revolution', width: 800, height: 120 },
  // Points economy: a goal bar with its milestones (`&reward=<name>` shows one goal).
  { kind: 'goal', width: 800, height: 200 },
  // A vote's options with live counts (`&reward=<name>` shows one vote).
  { kind: 'vote', width: 600, height: 400 },
  // The latest five redeems, newest on top.
  { kind: 'redeems', width: 500, height: 400 },
  // Invisible: carries out rewards' and commands' OBS actions (switch scene, save replay).
  { kind: 'obs', width: 100, height: 100 },
] as const;
