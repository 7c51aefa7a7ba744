import { CreateBotCommandRequestSchema } from '@podium/contracts';
import { newCommand } from '../test/bots-shell.factory';
import { fieldErrorsOf } from './bots-shell.form';
import {
  buildCommandRequest,
  COMMAND_FIELDS,
  commandFormValues,
  validateCommandRequest,
  withoutPrefix,
} from './commands.form';

describe('the command form', () => {
  it('starts a new command with the api defaults', () => {
    expect(buildCommandRequest(commandFormValues(null))).toEqual({
      name: '',
      aliases: [],
      responses: [],
      permission: 'everyone',
      globalCooldownSeconds: 0,
      userCooldownSeconds: 0,
      platforms: [],
      enabled: true,
      obsAction: null,
    });
  });

  it('sends back exactly what an edited command had when nothing was changed', () => {
    const command = newCommand({
      aliases: ['hi', 'hey'],
      responses: ['Hello {user}!', 'Hi {user}, {random:welcome|howdy}'],
      permission: 'vip',
      platforms: ['twitch', 'youtube'],
      enabled: false,
    });
    expect(buildCommandRequest(commandFormValues(command))).toEqual({
      name: 'hello',
      aliases: ['hi', 'hey'],
      responses: ['Hello {user}!', 'Hi {user}, {random:welcome|howdy}'],
      permission: 'vip',
      globalCooldownSeconds: 10,
      userCooldownSeconds: 30,
      platforms: ['twitch', 'youtube'],
      enabled: false,
      obsAction: null,
    });
  });

  it('drops the prefix organizers type before names and aliases, whatever the prefix', () => {
    const values = {
      ...commandFormValues(null),
      name: ' !discord ',
      aliases: '!dc, ds\n!server',
      responses: 'x',
    };
    const request = buildCommandRequest(values);
    expect(request.name).toBe('discord');
    expect(request.aliases).toEqual(['dc', 'ds', 'server']);
    expect(buildCommandRequest({ ...values, name: '?so' }, '?').name).toBe('so');
    expect(withoutPrefix('!', '!')).toBe('');
  });

  it('takes one response a line, blank lines dropped', () => {
    const request = buildCommandRequest({ ...commandFormValues(null), responses: 'one\n\n  two  \n' });
    expect(request.responses).toEqual(['one', 'two']);
  });

  it('is checked by the contract schema with the api field names', () => {
    const valid = buildCommandRequest({ ...commandFormValues(null), name: 'hello', responses: 'Hello!' });
    expect(validateCommandRequest(valid)).toEqual([]);
    expect(CreateBotCommandRequestSchema.safeParse(valid).success).toBe(true);

    const issues = validateCommandRequest(
      buildCommandRequest({
        ...commandFormValues(null),
        name: 'hello there',
        aliases: 'ok, bad-alias',
        responses: `fine\n${'x'.repeat(501)}`,
        globalCooldownSeconds: 'soon',
        userCooldownSeconds: '90000',
      }),
    );
    const errors = fieldErrorsOf(issues, COMMAND_FIELDS, (index, message) => `Line ${index + 1}: ${message}`);
    expect(errors['name']).toBe('may only hold letters, digits and _');
    expect(errors['aliases']).toBe('Line 2: may only hold letters, digits and _');
    expect(errors['responses']).toBe('Line 2: must be at most 500 characters');
    expect(errors['globalCooldownSeconds']).toBeDefined();
    expect(errors['userCooldownSeconds']).toBeDefined();
    expect(errors['permission']).toBeUndefined();
  });

  it('names the responses field when there is none', () => {
    const issues = validateCommandRequest(buildCommandRequest({ ...commandFormValues(null), name: 'x' }));
    expect(issues).toEqual([{ field: 'responses', message: 'needs at least one response' }]);
  });
});
