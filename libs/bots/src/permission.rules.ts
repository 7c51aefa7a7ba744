import { COMMAND_PERMISSIONS, type CommandPermission, type ViewerRole } from '@podium/contracts';

/** How trusted a viewer is: their strongest role. A YouTube `member` counts as a subscriber. */
export function viewerPermission(roles: readonly ViewerRole[]): CommandPermission {
  if (roles.includes('broadcaster')) return 'broadcaster';
  if (roles.includes('moderator')) return 'moderator';
  if (roles.includes('vip')) return 'vip';
  if (roles.includes('subscriber') || roles.includes('member')) return 'subscriber';
  return 'everyone';
}

/** everyone < subscriber < vip < moderator < broadcaster. */
export function permissionAtLeast(held: CommandPermission, needed: CommandPermission): boolean {
  return COMMAND_PERMISSIONS.indexOf(held) >= COMMAND_PERMISSIONS.indexOf(needed);
}

/** May a viewer with these roles use a command that needs `needed`? */
export function mayUse(roles: readonly ViewerRole[], needed: CommandPermission): boolean {
  return permissionAtLeast(viewerPermission(roles), needed);
}
