export * from './auth.contract';
export * from './errors.contract';
export * from './health.contract';
export * from './overlays.contract';
export * from './roles.contract';
export * from './socket.contract';
export * from './workspaces.contract';
