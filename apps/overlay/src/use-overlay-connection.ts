import { useEffect, useReducer } from 'react';
import { initialConnection, type OverlayConnection, reduceConnection } from './connection-state';
import { connectOverlay } from './overlay-socket';

/** The live connection for one token, or none when `token` is null. */
export function useOverlayConnection(token: string | null): OverlayConnection {
  const [connection, dispatch] = useReducer(reduceConnection, initialConnection);
  useEffect(() => (token ? connectOverlay(token, dispatch) : undefined), [token]);
  return connection;
}
