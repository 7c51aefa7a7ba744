import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kofiPoints, normalizeKofiEmail, parseKofiWebhookData } from './kofi-payment.normalizer';

const FIXTURES = join(__dirname, '../../../../apps/api/test/fixtures/kofi');
const RECEIVED = new Date('2026-03-14T20:00:00Z');

/** The form field `data` exactly as the recorded request carries it. */
function formData(name: string): string {
  return (
    JSON.parse(readFileSync(join(FIXTURES, `${name}.request.json`), 'utf8')) as { form: { data: string } }
  ).form.data;
}

describe('parseKofiWebhookData', () => {
  it('reads the recorded donation, keeping the token apart and normalizing the e-mail', () => {
    const result = parseKofiWebhookData(formData('donation'), RECEIVED);
    expect(result).toEqual({
      ok: true,
      verificationToken: '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318',
      payment: {
        transactionId: '5b0e0001-7c21-4d8e-9f3a-1a2b3c4d5e6f',
        messageId: 'e41a9c07-2d5b-4f8e-b613-0c9d7a3e5f21',
        type: 'Donation',
        fromName: 'CorvidCoins',
        message: 'for the lighthouse fund',
        isPublic: true,
        amount: '5.00',
        currency: 'USD',
        email: 'corvid.coins@example.com',
        isSubscriptionPayment: false,
        isFirstSubscriptionPayment: false,
        tierName: null,
        paidAt: new Date('2026-03-14T19:05:48Z'),
      },
    });
  });

  it('reads the first subscription payment with its tier', () => {
    const result = parseKofiWebhookData(formData('subscription.first'), RECEIVED);
    if (!result.ok) throw new Error(result.message);
    expect(result.payment).toMatchObject({
      type: 'Subscription',
      isSubscriptionPayment: true,
      isFirstSubscriptionPayment: true,
      tierName: 'Lamplighter',
      amount: '4.00',
    });
  });

  it('hides the message of a private payment and tolerates missing optional fields', () => {
    const body = JSON.parse(formData('donation')) as Record<string, unknown>;
    const result = parseKofiWebhookData(
      JSON.stringify({ ...body, is_public: false, email: '  Corvid.Coins@Example.COM ', from_name: null }),
      RECEIVED,
    );
    if (!result.ok) throw new Error(result.message);
    expect(result.payment).toMatchObject({
      isPublic: false,
      message: null,
      fromName: 'Ko-fi supporter',
      email: 'corvid.coins@example.com',
    });
  });

  it('refuses what is not a Ko-fi payment, saying why', () => {
    expect(parseKofiWebhookData(undefined, RECEIVED)).toEqual({
      ok: false,
      message: 'the form field "data" is missing',
      verificationToken: null,
    });
    expect(parseKofiWebhookData('null', RECEIVED)).toMatchObject({ ok: false, verificationToken: null });
    expect(parseKofiWebhookData('{not json', RECEIVED)).toEqual({
      ok: false,
      message: 'the form field "data" is not JSON',
      verificationToken: null,
    });
    const body = JSON.parse(formData('donation')) as Record<string, unknown>;
    const wrongType = parseKofiWebhookData(JSON.stringify({ ...body, type: 'Refund' }), RECEIVED);
    expect(wrongType).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^type: /),
      verificationToken: '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318',
    });
    const badAmount = parseKofiWebhookData(JSON.stringify({ ...body, amount: '-5' }), RECEIVED);
    expect(badAmount).toMatchObject({ ok: false, message: 'amount: is not an amount' });
    const noTx = parseKofiWebhookData(JSON.stringify({ ...body, kofi_transaction_id: undefined }), RECEIVED);
    expect(noTx).toMatchObject({ ok: false, message: expect.stringMatching(/^kofi_transaction_id: /) });
  });
});

describe('kofiPoints', () => {
  it('multiplies in exact decimals and rounds down', () => {
    expect(kofiPoints('5.00', 100)).toBe(500);
    expect(kofiPoints('0.10', 30)).toBe(3);
    expect(kofiPoints('3.99', 1)).toBe(3);
    expect(kofiPoints('1500', 2)).toBe(3000);
    expect(kofiPoints('0.005', 100)).toBe(0);
  });

  it('is zero at rate zero or for an unreadable amount', () => {
    expect(kofiPoints('5.00', 0)).toBe(0);
    expect(kofiPoints('five', 100)).toBe(0);
  });
});

describe('normalizeKofiEmail', () => {
  it('trims and lower-cases, and refuses what is not an address', () => {
    expect(normalizeKofiEmail('  Pixel.Moth@Example.com\n')).toBe('pixel.moth@example.com');
    expect(normalizeKofiEmail('')).toBeNull();
    expect(normalizeKofiEmail(null)).toBeNull();
    expect(normalizeKofiEmail('not an address')).toBeNull();
  });
});
