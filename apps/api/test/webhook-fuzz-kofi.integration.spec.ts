import type { KofiSettingsDto } from '@podium/contracts';
import { kofiFormBody } from '@podium/fakes';
import { BODY_MUTATIONS, copyJson, flipHexChar, Rng } from './support/fuzz-mutations';
import { answer, type FuzzCase } from './support/fuzz-runner';
import {
  COUNT,
  type Forgery,
  forgedCase,
  fuzzCaseStart,
  fuzzWebhook,
  plan,
  readJson,
  SEED,
  TIMEOUT,
  unknownKeyUrl,
  useWebhookFuzzApp,
  validCase,
} from './support/fuzz-webhooks';

/** Ko-fi webhook fuzzing; the rules are in ./support/fuzz-webhooks. */
const KOFI_TOKEN = '6d1f7c2a-3b9e-4f05-8a41-c2e7d9b0f318';

describe('Inbound webhook fuzzing (PostgreSQL)', () => {
  const h = useWebhookFuzzApp();

  describe('Ko-fi (form field data, verification token inside)', () => {
    const recorded = ['donation', 'subscription.first'].map(
      (name) =>
        JSON.parse(readJson<{ form: { data: string } }>('kofi', `${name}.request.json`).form.data) as Record<
          string,
          unknown
        >,
    );
    let hookUrl: string;

    beforeAll(async () => {
      const settings = await h.owner.client.put<KofiSettingsDto>(
        `/api/workspaces/${h.owner.workspaceId}/kofi/settings`,
        {
          verificationToken: KOFI_TOKEN,
          pointsPerUnit: 100,
        },
      );
      expect(settings.status).toBe(200);
      hookUrl = `${h.app.baseUrl}${new URL(settings.body.webhookUrl).pathname}`;
    });

    interface Sent {
      url: string;
      /** The whole request body as sent. */
      form: string;
      contentType?: string;
    }
    const post = (sent: Sent) =>
      answer(
        fetch(sent.url, {
          method: 'POST',
          headers: { 'content-type': sent.contentType ?? 'application/x-www-form-urlencoded' },
          body: sent.form,
        }),
      );

    /** The verification token the server will read from this data, if any. */
    function tokenOf(data: string): unknown {
      try {
        return (JSON.parse(data) as { verification_token?: unknown } | null)?.verification_token;
      } catch {
        return undefined;
      }
    }

    function freshPayment(rng: Rng): Record<string, unknown> {
      const payment = copyJson(rng.pick(recorded));
      payment['kofi_transaction_id'] = rng.uuid();
      payment['message_id'] = rng.uuid();
      return payment;
    }

    function kofiCase(index: number, valid: Sent[]): FuzzCase {
      const { rng, name } = fuzzCaseStart('kofi', index);
      const payment = freshPayment(rng);
      const choice = plan(rng);
      if (choice === 'valid' || (choice === 'replay' && valid.length === 0)) {
        const sent = { url: hookUrl, form: kofiFormBody(JSON.stringify(payment)) };
        return validCase(name(`valid ${String(payment['type'])}`), sent, valid, post);
      }
      if (choice === 'replay') {
        const original = rng.pick(valid);
        return { name: name('replay'), expect: 'replay', send: () => post(original) };
      }
      if (choice === 'body') {
        const mutation = rng.pick(BODY_MUTATIONS);
        const data = mutation.apply(payment, rng);
        // A mutation may hit the token itself: then it is a forgery, and may not be accepted.
        const expect = tokenOf(data) === KOFI_TOKEN ? mutation.verdict : 'forgery';
        const form = kofiFormBody(data);
        return { name: name(`data: ${mutation.name}`), expect, send: () => post({ url: hookUrl, form }) };
      }
      const data = JSON.stringify(payment);
      if (choice === 'header') {
        const [what, sent, expect] = rng.pick([
          [
            'data as JSON body',
            { url: hookUrl, form: JSON.stringify({ data }), contentType: 'application/json' },
            'any',
          ],
          ['payment as JSON body', { url: hookUrl, form: data, contentType: 'application/json' }, 'invalid'],
          [
            'form as text/plain',
            { url: hookUrl, form: kofiFormBody(data), contentType: 'text/plain' },
            'invalid',
          ],
          [
            'no data field',
            { url: hookUrl, form: new URLSearchParams({ payload: data }).toString() },
            'invalid',
          ],
          ['data twice', { url: hookUrl, form: `${kofiFormBody(data)}&${kofiFormBody('{}')}` }, 'any'],
          [
            'oversized form (1 MB+)',
            { url: hookUrl, form: `${kofiFormBody(data)}&pad=${'p'.repeat(1024 * 1024 + 1)}` },
            'invalid',
          ],
        ] as const);
        return { name: name(what), expect, send: () => post(sent) };
      }
      const withToken = (token: unknown) =>
        post({ url: hookUrl, form: kofiFormBody(JSON.stringify({ ...payment, verification_token: token })) });
      const forgeries: Forgery[] = [
        ['wrong token', () => withToken(rng.uuid())],
        ['token with one character changed', () => withToken(flipHexChar(KOFI_TOKEN, rng))],
        ['token upper-cased', () => withToken(KOFI_TOKEN.toUpperCase())],
        ['token padded with spaces', () => withToken(` ${KOFI_TOKEN} `)],
        ['token prefix', () => withToken(KOFI_TOKEN.slice(0, 1 + rng.int(KOFI_TOKEN.length - 1)))],
        ['token empty', () => withToken('')],
        ['token null', () => withToken(null)],
        ['token as a number', () => withToken(6)],
        ['token as an array', () => withToken([KOFI_TOKEN])],
        [
          'token missing',
          () => {
            const { verification_token: _dropped, ...rest } = payment;
            return post({ url: hookUrl, form: kofiFormBody(JSON.stringify(rest)) });
          },
        ],
        [
          'unknown webhook key',
          () =>
            post({
              url: unknownKeyUrl(h.app.baseUrl, 'kofi', rng),
              form: kofiFormBody(data),
            }),
        ],
      ];
      return forgedCase(rng, name, forgeries);
    }

    // Found by the fuzzer (seed 7): a NUL character in a Ko-fi message answered 500.
    it('records a payment whose message holds U+0000, storably', async () => {
      const payment = freshPayment(new Rng(SEED + 31));
      payment['message'] = 'for the \u0000lighthouse';
      payment['from_name'] = 'Corvid\u0000Coins';
      const response = await post({ url: hookUrl, form: kofiFormBody(JSON.stringify(payment)) });
      expect(response).toEqual({ status: 200, receipt: 'recorded' });
      const rows = await h.db.query('select id from kofi_payments where transaction_id = $1', [
        payment['kofi_transaction_id'],
      ]);
      expect(rows).toHaveLength(1);
    });

    it(
      `survives ${COUNT} mutated deliveries: no 5xx, no forgery, each transaction recorded once`,
      async () => {
        const payments = h.count('select count(*) as n from kofi_payments');
        const { outcomes, before } = await fuzzWebhook(kofiCase, payments);
        const recordedAll = outcomes.reduce((sum, o) => sum + o.recorded, 0);
        expect((await payments()) - before).toBe(recordedAll);
        expect(outcomes.filter((o) => o.expect === 'valid').every((o) => o.recorded === 1)).toBe(true);

        const last = await post({
          url: hookUrl,
          form: kofiFormBody(JSON.stringify(freshPayment(new Rng(SEED + 3)))),
        });
        expect(last).toEqual({ status: 200, receipt: 'recorded' });
      },
      TIMEOUT,
    );
  });
});
