import type { KofiLinkDto, KofiPaymentDto } from '@podium/contracts';
import type { KofiLinkRow, KofiPaymentRow } from './kofi.repository';

/** E-mails go to owners only: moderators see that a viewer is linked, not with what. */
export function toKofiLinkDto(row: KofiLinkRow, showEmail: boolean): KofiLinkDto {
  return {
    id: row.id,
    viewer: { id: row.viewerId, platform: row.viewerPlatform, displayName: row.viewerName },
    email: showEmail ? row.email : null,
    linkedBy: row.linkedBy,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

export function toKofiPaymentDto(row: KofiPaymentRow, showEmail: boolean): KofiPaymentDto {
  return {
    id: row.id,
    transactionId: row.transactionId,
    type: row.type,
    fromName: row.fromName,
    message: row.message,
    amount: row.amount,
    currency: row.currency,
    isSubscriptionPayment: row.isSubscriptionPayment,
    isFirstSubscriptionPayment: row.isFirstSubscriptionPayment,
    tierName: row.tierName,
    points: Number(row.points),
    status: row.status,
    viewer: row.viewerId ? { id: row.viewerId, displayName: row.viewerName ?? '' } : null,
    email: showEmail ? row.email : null,
    paidAt: new Date(row.paidAt).toISOString(),
    receivedAt: new Date(row.receivedAt).toISOString(),
  };
}
