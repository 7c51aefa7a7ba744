import { randomUUID } from 'node:crypto';
import type {
  PanelMeDto,
  PanelQueueDto,
  PanelRewardsDto,
  RedeemResultDto,
  RedemptionPageDto,
  RewardDto,
} from '@podium/contracts';
import { PanelBrowser, panelHelpers, usePanelSuite } from './support/panel';

/** Redeeming from the viewer panel: the catalogue, the same redeem rules, the public queue. */
describe('viewer panel (PostgreSQL)', () => {
  const suite = usePanelSuite();
  const { ws, askForLink, credit } = panelHelpers(suite);

  it('redeems through the panel with the same rules: debited, queued with the note, public queue without notes', async () => {
    const rewards = `${ws()}/rewards`;
    const created = async (body: object) => {
      const response = await suite.owner.client.post<RewardDto>(rewards, body);
      expect(response.status).toBe(201);
      return response.body;
    };
    const shoutout = await created({ name: 'shoutout', type: 'note', price: 100, categories: ['Fun'] });
    const hug = await created({ name: 'hug', type: 'list', price: 0, categories: ['Fun'] });
    await created({ name: 'late-snack', type: 'list', price: 10, categories: ['Night'] });
    await created({ name: 'yacht', type: 'list', price: 100_000 });
    expect((await suite.owner.client.put(`${rewards}/categories/active`, { active: ['Fun'] })).status).toBe(
      200,
    );

    const redeemer = await askForLink('Redeemer');
    const other = await askForLink('Other Redeemer');
    await credit(redeemer.viewerId, 250, `test:${randomUUID()}`);
    await credit(other.viewerId, 100, `test:${randomUUID()}`);
    const browser = new PanelBrowser(suite.app.baseUrl);
    await browser.signIn(redeemer.token);
    const otherBrowser = new PanelBrowser(suite.app.baseUrl);
    await otherBrowser.signIn(other.token);

    const catalogue = await browser.request<PanelRewardsDto>('GET', '/api/panel/rewards');
    expect(catalogue.status).toBe(200);
    const byGroup = catalogue.body.groups.map((group) => [
      group.name,
      group.rewards.map((reward) => [reward.name, reward.unavailable]),
    ]);
    // The inactive category's reward is not offered; the yacht is shown as out of reach.
    expect(byGroup).toEqual([
      [null, [['yacht', 'insufficient']]],
      [
        'Fun',
        [
          ['hug', null],
          ['shoutout', null],
        ],
      ],
    ]);

    const noNote = await browser.request<RedeemResultDto>('POST', '/api/panel/redeem', {
      rewardId: shoutout.id,
      requestId: randomUUID(),
    });
    expect(noNote.body).toMatchObject({ outcome: 'refused', reason: 'note_required', balance: 250 });

    const requestId = randomUUID();
    const click = { rewardId: shoutout.id, note: 'say hi to mum', requestId };
    const first = await browser.request<RedeemResultDto>('POST', '/api/panel/redeem', click);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'queued', balance: 150 });
    // A double click (same request id) redeems once.
    const again = await browser.request<RedeemResultDto>('POST', '/api/panel/redeem', click);
    expect(again.body).toMatchObject({ outcome: 'queued', balance: 150 });
    expect((await browser.request<PanelMeDto>('GET', '/api/panel/me')).body.balance).toBe(150);

    const otherRedeem = await otherBrowser.request<RedeemResultDto>('POST', '/api/panel/redeem', {
      rewardId: shoutout.id,
      note: 'a secret wish',
      requestId: randomUUID(),
    });
    expect(otherRedeem.body).toMatchObject({ outcome: 'queued', balance: 0 });
    // A free redeem spends nothing (no ledger entry), and is still the redeemer's own in the queue.
    const free = await browser.request<RedeemResultDto>('POST', '/api/panel/redeem', {
      rewardId: hug.id,
      requestId: randomUUID(),
    });
    expect(free.body).toMatchObject({ outcome: 'queued', balance: 150 });

    // The streamer's queue has it, with the note, from the panel.
    const queue = await suite.owner.client.get<RedemptionPageDto>(`${ws()}/redeems?status=pending`);
    const mineInQueue = queue.body.redemptions
      .filter((r) => r.viewer.id === redeemer.viewerId)
      .sort((a, b) => b.spent - a.spent);
    expect(mineInQueue).toEqual([
      expect.objectContaining({ note: 'say hi to mum', source: 'panel', spent: 100, status: 'pending' }),
      expect.objectContaining({
        reward: expect.objectContaining({ name: 'hug' }),
        spent: 0,
        status: 'pending',
      }),
    ]);

    // The public queue: all three, oldest first, mine marked (the free one too), nobody's note.
    const publicQueue = await browser.request<PanelQueueDto>('GET', '/api/panel/queue');
    expect(
      publicQueue.body.items.map((item) => [item.viewerDisplayName, item.rewardName, item.mine]),
    ).toEqual([
      ['Redeemer', 'shoutout', true],
      ['Other Redeemer', 'shoutout', false],
      ['Redeemer', 'hug', true],
    ]);
    // The other viewer's panel marks only theirs.
    const theirs = await otherBrowser.request<PanelQueueDto>('GET', '/api/panel/queue');
    expect(theirs.body.items.map((item) => item.mine)).toEqual([false, true, false]);
    const raw = JSON.stringify(publicQueue.body);
    expect(raw).not.toContain('a secret wish');
    expect(raw).not.toContain('say hi to mum');
    expect(raw).not.toContain(other.viewerId);

    // The streamer refunds: the panel shows the balance restored.
    const refund = await suite.owner.client.post(`${ws()}/redeems/${mineInQueue[0]!.id}/refund`);
    expect(refund.status).toBeLessThan(300);
    expect((await browser.request<PanelMeDto>('GET', '/api/panel/me')).body.balance).toBe(250);
  });
});
