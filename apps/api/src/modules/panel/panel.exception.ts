import {
  DomainException,
  type DomainExceptionOptions,
  type ErrorKind,
} from '../../common/errors/domain.exception';

export enum PanelErrorCode {
  /** The link's token is malformed or its signature is not Podium's. */
  LinkInvalid = 'panel.link_invalid',
  /** The link is older than its 10 minutes. */
  LinkExpired = 'panel.link_expired',
  /** The link was opened once already: links are single use. */
  LinkUsed = 'panel.link_used',
  /** No panel session, or it expired or was revoked. */
  Unauthenticated = 'panel.unauthenticated',
  /** Something the panel asked for is not in the viewer's workspace. */
  NotFound = 'panel.not_found',
  /** The panel needs PUBLIC_URL to make links viewers can open. */
  NoPublicUrl = 'panel.no_public_url',
}

const KIND: Record<PanelErrorCode, ErrorKind> = {
  [PanelErrorCode.LinkInvalid]: 'unauthenticated',
  [PanelErrorCode.LinkExpired]: 'unauthenticated',
  [PanelErrorCode.LinkUsed]: 'unauthenticated',
  [PanelErrorCode.Unauthenticated]: 'unauthenticated',
  [PanelErrorCode.NotFound]: 'not_found',
  [PanelErrorCode.NoPublicUrl]: 'unavailable',
};

export class PanelException extends DomainException {
  constructor(code: PanelErrorCode, message: string, options?: DomainExceptionOptions) {
    super(code, KIND[code], message, options);
  }
}
