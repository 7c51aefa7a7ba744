import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectionDto } from '@podium/contracts';
import { FakeOwncast, owncastSignatureHeader } from '@podium/fakes';
import { BODY_MUTATIONS, copyJson, flipHexChar, Rng } from './support/fuzz-mutations';
import { answer, type FuzzCase } from './support/fuzz-runner';
import {
  CHAT_EVENTS,
  COUNT,
  FIXTURES,
  type Forgery,
  forgedCase,
  fuzzCaseStart,
  fuzzWebhook,
  plan,
  readJson,
  secondsNow,
  SEED,
  TIMEOUT,
  unknownKeyUrl,
  useWebhookFuzzApp,
  validCase,
} from './support/fuzz-webhooks';

/** Owncast webhook fuzzing; the rules are in ./support/fuzz-webhooks. */
const OWNCAST_TOKEN = 'Xq9_fixture-owncast-access-token-5uQ2n0sV8kYtRz3wLbM1=';
const OWNCAST_SECRET = 'whsec-owncast-fixture-3Kd8Qm';

describe('Inbound webhook fuzzing (PostgreSQL)', () => {
  const h = useWebhookFuzzApp();

  describe('Owncast (t=<seconds>.s=<HMAC> over t + body, 5-minute window)', () => {
    const WEBHOOKS = join(FIXTURES, 'owncast/webhooks');
    const bodies = readdirSync(WEBHOOKS).map(
      (file) =>
        readJson<{ body: { type: string; eventData: Record<string, unknown> } }>('owncast/webhooks', file)
          .body,
    );
    let hookUrl: string;

    beforeAll(async () => {
      const owncast = await FakeOwncast.start({ accessToken: OWNCAST_TOKEN });
      h.closeAfterApp(() => owncast.close());
      const connected = await h.owner.client.post<ConnectionDto>(
        `/api/workspaces/${h.owner.workspaceId}/connections/owncast`,
        { instanceUrl: owncast.url, accessToken: OWNCAST_TOKEN, webhookSecret: OWNCAST_SECRET },
      );
      expect(connected.status).toBe(201);
      hookUrl = `${h.app.baseUrl}${new URL(connected.body.webhookUrl!).pathname}`;
    });

    interface Sent {
      url: string;
      rawBody: string;
      signature?: string;
      contentType?: string;
    }
    const post = (sent: Sent) =>
      answer(
        fetch(sent.url, {
          method: 'POST',
          headers: {
            ...(sent.contentType === undefined
              ? { 'content-type': 'application/json' }
              : { 'content-type': sent.contentType }),
            ...(sent.signature === undefined ? {} : { 'owncast-signature': sent.signature }),
          },
          body: sent.rawBody,
        }),
      );
    const sign = (rawBody: string, at = secondsNow(), secret = OWNCAST_SECRET) =>
      owncastSignatureHeader(secret, at, rawBody);

    function freshBody(rng: Rng): Record<string, unknown> {
      const body = copyJson(rng.pick(bodies));
      body.eventData['id'] = rng.uuid();
      return body;
    }

    function owncastCase(index: number, valid: Sent[]): FuzzCase {
      const { rng, name } = fuzzCaseStart('owncast', index);
      const body = freshBody(rng);
      const choice = plan(rng);
      if (choice === 'valid' || (choice === 'replay' && valid.length === 0)) {
        const rawBody = JSON.stringify(body);
        const sent = { url: hookUrl, rawBody, signature: sign(rawBody) };
        return validCase(name(`valid ${String(body['type'])}`), sent, valid, post);
      }
      if (choice === 'replay') {
        const original = rng.pick(valid);
        const resign = rng.next() < 0.5;
        return {
          name: name(`replay${resign ? ' signed again now' : ''}`),
          expect: 'replay',
          send: () => post(resign ? { ...original, signature: sign(original.rawBody) } : original),
        };
      }
      if (choice === 'body') {
        const mutation = rng.pick(BODY_MUTATIONS);
        const rawBody = mutation.apply(body, rng);
        return {
          name: name(`signed body: ${mutation.name}`),
          expect: mutation.verdict,
          send: () => post({ url: hookUrl, rawBody, signature: sign(rawBody) }),
        };
      }
      const rawBody = JSON.stringify(body);
      const sent: Sent = { url: hookUrl, rawBody, signature: sign(rawBody) };
      if (choice === 'header') {
        const [what, contentType, expect] = rng.pick([
          ['Content-Type text/plain', 'text/plain', 'invalid'],
          ['Content-Type form', 'application/x-www-form-urlencoded', 'invalid'],
          ['Content-Type with charset', 'application/json; charset=utf-8', 'any'],
          ['Content-Type vendor json', 'application/vnd.owncast+json', 'any'],
        ] as const);
        return { name: name(`signed, ${what}`), expect, send: () => post({ ...sent, contentType }) };
      }
      const at = secondsNow();
      const forgeries: Forgery[] = [
        ['flipped signature byte', () => post({ ...sent, signature: flipHexChar(sent.signature!, rng) })],
        [
          'signed with the wrong secret',
          () => post({ ...sent, signature: sign(rawBody, at, 'whsec-not-it') }),
        ],
        ['signature missing', () => post({ ...sent, signature: undefined })],
        ['signature empty', () => post({ ...sent, signature: '' })],
        [
          'signature malformed',
          () =>
            post({
              ...sent,
              signature: rng.pick([
                'garbage',
                `s=${sent.signature!.split('.s=')[1]}`,
                `t=abc.s=${sent.signature!.split('.s=')[1]}`,
                `t=${at}.s=zz`,
                `t=${at}.s=`,
                `t=${at}`,
                `t=${at}.s=${'0'.repeat(64)}`,
                `t=-1.s=${'f'.repeat(64)}`,
                `t=${'9'.repeat(400)}.s=${'a'.repeat(64)}`,
              ]),
            }),
        ],
        [
          'stale timestamp (> 5 min), signed',
          () => post({ ...sent, signature: sign(rawBody, at - 301 - rng.int(30 * 86_400)) }),
        ],
        [
          'future timestamp (> 5 min), signed',
          () => post({ ...sent, signature: sign(rawBody, at + 301 + rng.int(365 * 86_400)) }),
        ],
        [
          'body changed under a valid signature',
          () => post({ ...sent, rawBody: rawBody.replace('"eventData":{', '"eventData":{"forged":true,') }),
        ],
        [
          'replayed signature with a tampered body',
          () => {
            const original = valid.length ? rng.pick(valid) : sent;
            return post({ ...original, rawBody: `${original.rawBody.slice(0, -1)},"x":1}` });
          },
        ],
        ['unknown webhook key', () => post({ ...sent, url: unknownKeyUrl(h.app.baseUrl, 'owncast', rng) })],
        [
          'key not a key',
          () =>
            post({
              ...sent,
              url: `${h.app.baseUrl}/api/integrations/owncast/${encodeURIComponent("'; select 1; --")}`,
            }),
        ],
      ];
      return forgedCase(rng, name, forgeries);
    }

    // Found by the fuzzer (seed 7): a NUL character in a signed Owncast chat answered 500.
    it('records a signed chat line holding U+0000 and a lone surrogate, storably', async () => {
      const body = copyJson(bodies.find((b) => b.type === 'CHAT')!);
      const id = new Rng(SEED + 21).uuid();
      body.eventData['id'] = id;
      body.eventData['body'] = 'nul\u0000here\ud800';
      body.eventData['rawBody'] = 'nul\u0000here\ud800';
      (body.eventData['user'] as Record<string, unknown>)['displayName'] = 'Pixel\u0000Moth';
      const rawBody = JSON.stringify(body);
      const response = await post({ url: hookUrl, rawBody, signature: sign(rawBody) });
      expect(response).toEqual({ status: 200, receipt: 'recorded' });
      const rows = await h.db.query<{ text: string }>(
        "select payload->>'text' as text from chat_events where platform = 'owncast' and external_id like $1",
        [`%${id}%`],
      );
      expect(rows).toEqual([{ text: 'nulhere\ufffd' }]);
    });

    it(
      `survives ${COUNT} mutated deliveries: no 5xx, no forgery, each valid id recorded once`,
      async () => {
        const { outcomes, before } = await fuzzWebhook(owncastCase, h.count(CHAT_EVENTS));
        const recordedValid = outcomes.filter((o) => o.expect === 'valid' && o.receipt === 'recorded').length;
        const recordedOther = outcomes
          .filter((o) => o.expect !== 'valid')
          .reduce((sum, o) => sum + o.recorded, 0);
        expect((await h.count(CHAT_EVENTS)()) - before).toBe(recordedValid + recordedOther);

        const rng = new Rng(SEED + 2);
        const body = copyJson(bodies.find((b) => b.type === 'CHAT')!);
        body.eventData['id'] = rng.uuid();
        const rawBody = JSON.stringify(body);
        const last = await post({ url: hookUrl, rawBody, signature: sign(rawBody) });
        expect(last).toEqual({ status: 200, receipt: 'recorded' });
      },
      TIMEOUT,
    );
  });
});
