import { type CSSProperties, useEffect, useReducer } from 'react';
import { initialRecentRedeemsFeed, reduceRecentRedeemsFeed } from '../goals-votes-feed';
import { followRecentRedeems } from '../goals-votes-socket';
import { OverlayFrame } from './overlay-frame';
import type { OverlayViewProps } from './overlay-view';

const LIST_STYLE: CSSProperties = {
  position: 'fixed',
  right: '2rem',
  bottom: '2rem',
  display: 'flex',
  flexDirection: 'column',
  gap: '0.5rem',
  margin: 0,
  padding: 0,
  listStyle: 'none',
  pointerEvents: 'none',
};
const ITEM_STYLE: CSSProperties = {
  padding: '0.5rem 1rem',
  borderRadius: '0.5rem',
  background: 'rgba(0, 0, 0, 0.6)',
  color: '#fff',
  fontSize: '1.25rem',
  overflowWrap: 'anywhere',
};

/** `redeems`: the latest redeems, newest on top (viewer and reward only: notes stay private). */
export function RedeemsOverlay({ connection, channel, messages }: OverlayViewProps) {
  const [feed, dispatch] = useReducer(reduceRecentRedeemsFeed, initialRecentRedeemsFeed);

  useEffect(() => (channel ? followRecentRedeems(channel, dispatch) : undefined), [channel]);

  return (
    <OverlayFrame connection={connection} messages={messages} kind="redeems">
      {feed.redeems.length > 0 ? (
        <ul style={LIST_STYLE} data-testid="overlay-redeems">
          {feed.redeems.map((redeem) => (
            <li key={redeem.redemptionId} style={ITEM_STYLE} data-testid="overlay-redeem">
              <strong>{redeem.viewerName}</strong> → !{redeem.rewardName} <small>({redeem.spent})</small>
            </li>
          ))}
        </ul>
      ) : null}
    </OverlayFrame>
  );
}
