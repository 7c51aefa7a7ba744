import type { ConnectionDto } from '@podium/contracts';
import { useTranslation } from 'react-i18next';
import { connectionsOf } from '../model/connection-view';
import { OAuthConnectButton } from './oauth-connect-button';
import { OwncastConnectForm } from './owncast-connect-form';
import { PlatformCard } from './platform-card';

export interface ConnectionCardsProps {
  workspaceId: string;
  connections: readonly ConnectionDto[];
  now: number;
  /** Owners get the connect, reconnect, bot and disconnect actions; others read. */
  canManage: boolean;
  onDisconnect: (connection: ConnectionDto) => void;
}

/** Twitch, YouTube, Owncast and the in-room chat, each with what the owner can do about it. */
export function ConnectionCards({
  workspaceId,
  connections,
  now,
  canManage,
  onDisconnect,
}: ConnectionCardsProps) {
  const { t } = useTranslation();
  const twitch = connectionsOf(connections, 'twitch');
  const youtube = connectionsOf(connections, 'youtube');
  const owncast = connectionsOf(connections, 'owncast');
  const cardProps = { now, canManage, onDisconnect };

  return (
    <div className="conn-grid">
      <PlatformCard
        platform="twitch"
        description={t('connections.twitch.description')}
        connections={twitch}
        {...cardProps}
        actions={
          canManage ? (
            <>
              <OAuthConnectButton
                workspaceId={workspaceId}
                platform="twitch"
                role="broadcaster"
                variant={twitch.length ? 'secondary' : 'primary'}
                label={twitch.length ? t('connections.twitch.reconnect') : t('connections.twitch.connect')}
                testId="connect-twitch"
              />
              {twitch.length ? (
                <OAuthConnectButton
                  workspaceId={workspaceId}
                  platform="twitch"
                  role="bot"
                  variant="secondary"
                  label={
                    twitch.some((connection) => connection.botAccountName)
                      ? t('connections.twitch.changeBot')
                      : t('connections.twitch.connectBot')
                  }
                  testId="connect-twitch-bot"
                />
              ) : null}
            </>
          ) : undefined
        }
      />
      <PlatformCard
        platform="youtube"
        description={t('connections.youtube.description')}
        connections={youtube}
        {...cardProps}
        actions={
          canManage ? (
            <OAuthConnectButton
              workspaceId={workspaceId}
              platform="youtube"
              variant={youtube.length ? 'secondary' : 'primary'}
              label={youtube.length ? t('connections.youtube.reconnect') : t('connections.youtube.connect')}
              testId="connect-youtube"
            />
          ) : undefined
        }
      />
      <PlatformCard
        platform="owncast"
        description={t('connections.owncast.description')}
        connections={owncast}
        {...cardProps}
        actions={
          canManage ? (
            owncast.length ? (
              <details className="conn-card__more">
                <summary>{t('connections.owncast.update')}</summary>
                <OwncastConnectForm workspaceId={workspaceId} update />
              </details>
            ) : (
              <OwncastConnectForm workspaceId={workspaceId} update={false} />
            )
          ) : undefined
        }
      />
      <PlatformCard
        platform="inroom"
        description={t('connections.inroom.description')}
        connections={connectionsOf(connections, 'inroom')}
        {...cardProps}
      />
    </div>
  );
}
