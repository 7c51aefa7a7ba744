import { mentionsCount, pickResponse, renderTemplate } from './template.rules';

describe('renderTemplate', () => {
  it('fills user, args and the numbered words of args', () => {
    expect(renderTemplate('hi {user}, you said "{args}"', { user: 'Ada', args: ' one two ' })).toBe(
      'hi Ada, you said "one two"',
    );
    expect(renderTemplate('{args.2}-{args.1}-{args.3}|', { user: 'Ada', args: 'one two' })).toBe('two-one-|');
  });

  it('fills points, currency and count, and renders unknown values as empty', () => {
    expect(
      renderTemplate('{user} has {points} {currency} ({count})', {
        user: 'a',
        points: 5,
        currency: 'gems',
        count: 3,
      }),
    ).toBe('a has 5 gems (3)');
    expect(renderTemplate('{user} has {points} {currency}.', { user: 'a' })).toBe('a has  .');
    expect(renderTemplate('{count}', { user: 'a', count: 0 })).toBe('0');
  });

  it('leaves unknown placeholders as written', () => {
    expect(renderTemplate('{nope} {User} {args.x} {', { user: 'a' })).toBe('{nope} {User} {args.x} {');
  });

  it('chooses among {random:a|b|c} with the injected source', () => {
    expect(renderTemplate('{random:a|b|c}', { user: 'x' }, () => 0)).toBe('a');
    expect(renderTemplate('{random:a|b|c}', { user: 'x' }, () => 0.5)).toBe('b');
    expect(renderTemplate('{random:a|b|c}', { user: 'x' }, () => 0.99)).toBe('c');
  });

  it('never reads a value as a template, and trims', () => {
    expect(
      renderTemplate('  {user} says {args}  ', { user: '{args}', args: '{user} <b>{count}</b>', count: 1 }),
    ).toBe('{args} says {user} <b>{count}</b>');
  });
});

describe('pickResponse', () => {
  it('maps the random number onto the list, clamped', () => {
    expect(pickResponse(['a', 'b'], () => 0.49)).toBe('a');
    expect(pickResponse(['a', 'b'], () => 0.5)).toBe('b');
    expect(pickResponse(['a', 'b'], () => 1)).toBe('b');
    expect(pickResponse([], () => 0)).toBe('');
  });

  it('tells whether a set of responses shows the count', () => {
    expect(mentionsCount(['Hello {user}!', 'Hi {random:a|b}'])).toBe(false);
    expect(mentionsCount(['Hello {user}!', 'used {count} times'])).toBe(true);
    expect(mentionsCount([])).toBe(false);
  });
});
