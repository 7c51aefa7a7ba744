import { newOutcome } from '../test/bots-shell.factory';
import { appendLines, buildSandboxRequest, sandboxOutcomes } from './sandbox.model';

const noCommand = newOutcome({ verdict: 'not_a_command', source: null, id: null, name: null, reply: null });

describe('the sandbox', () => {
  it('builds the request: trimmed line, a default name, the platform only when chosen', () => {
    expect(
      buildSandboxRequest({ text: '  !hello  ', displayName: ' ', roles: ['vip'], platform: '' }),
    ).toEqual({
      text: '!hello',
      displayName: 'viewer',
      roles: ['vip'],
    });
    expect(
      buildSandboxRequest({ text: 'x', displayName: 'Ada', roles: [], platform: 'youtube' }),
    ).toMatchObject({
      platform: 'youtube',
    });
  });

  it('shows the command reply, then each matching auto-response', () => {
    const lines = sandboxOutcomes({
      command: newOutcome(),
      autoResponses: [
        newOutcome({ source: 'auto_response', id: 'a1', name: 'discord', reply: 'Join us!' }),
        newOutcome({
          verdict: 'on_cooldown',
          source: 'auto_response',
          id: 'a2',
          name: 'hello',
          reply: null,
          cooldownRemainingSeconds: 12,
        }),
      ],
    });
    expect(lines).toEqual([
      { kind: 'reply', source: 'command', name: 'hello', text: 'Hello Ada!' },
      { kind: 'reply', source: 'auto_response', name: 'discord', text: 'Join us!' },
      {
        kind: 'silent',
        source: 'auto_response',
        verdict: 'on_cooldown',
        name: 'hello',
        cooldownRemainingSeconds: 12,
      },
    ]);
  });

  it('says "not a command" only when no auto-response answered either', () => {
    expect(sandboxOutcomes({ command: noCommand, autoResponses: [] })).toEqual([
      { kind: 'silent', source: null, verdict: 'not_a_command', name: null, cooldownRemainingSeconds: null },
    ]);
    const answered = sandboxOutcomes({
      command: noCommand,
      autoResponses: [newOutcome({ source: 'auto_response', reply: 'Join us!' })],
    });
    expect(answered.map((line) => line.kind)).toEqual(['reply']);
  });

  it('reports a built-in as run, never as a reply', () => {
    const [line] = sandboxOutcomes({
      command: newOutcome({ verdict: 'builtin', source: 'builtin', id: null, name: 'help', reply: null }),
      autoResponses: [],
    });
    expect(line).toMatchObject({ kind: 'silent', verdict: 'builtin', name: 'help' });
  });

  it('numbers lines and keeps only the last ones', () => {
    let log = appendLines([], [{ kind: 'viewer', who: 'Ada', roles: [], text: 'one' }], 3);
    log = appendLines(
      log,
      [
        { kind: 'viewer', who: 'Ada', roles: [], text: 'two' },
        { kind: 'reply', source: 'command', name: 'x', text: 'three' },
        { kind: 'reply', source: 'command', name: 'x', text: 'four' },
      ],
      3,
    );
    expect(log.map((line) => line.id)).toEqual([2, 3, 4]);
    expect(log.map((line) => (line.kind === 'silent' ? '' : line.text))).toEqual(['two', 'three', 'four']);
  });
});
