import { renderToStaticMarkup } from 'react-dom/server';
import { RoleGate } from './role-gate';

describe('RoleGate', () => {
  /** A child that records being mounted (a mounted panel sends its requests). */
  function gate(role: 'viewer' | 'moderator' | 'owner', least: 'viewer' | 'moderator' | 'owner') {
    const mounted: string[] = [];
    function Panel() {
      mounted.push('panel');
      return <p>the panel</p>;
    }
    const html = renderToStaticMarkup(
      <RoleGate role={role} least={least} notice="Only moderators and owners manage this.">
        <Panel />
      </RoleGate>,
    );
    return { html, mounted };
  }

  it('shows the notice below the least role, without mounting the panel', () => {
    const { html, mounted } = gate('viewer', 'moderator');
    expect(html).toContain('Only moderators and owners manage this.');
    expect(html).toContain('role="status"');
    expect(html).not.toContain('the panel');
    expect(mounted).toEqual([]);
  });

  it('mounts the panel at or above the least role', () => {
    for (const role of ['moderator', 'owner'] as const) {
      const { html, mounted } = gate(role, 'moderator');
      expect(html).toContain('the panel');
      expect(html).not.toContain('Only moderators');
      expect(mounted).toEqual(['panel']);
    }
    expect(gate('moderator', 'owner').mounted).toEqual([]);
  });
});
