import { storableText } from './webhook-text';

describe('storableText', () => {
  it('drops NULs and replaces lone surrogates in strings and keys, at any depth', () => {
    const value = JSON.parse(
      '{"a\\u0000b":"x\\u0000y","list":["\\ud800",{"deep":"ok \\ud83d\\ude00 \\udfff"}],"n":1,"z":null}',
    ) as unknown;
    expect(storableText(value)).toEqual({
      ab: 'xy',
      list: ['\ufffd', { deep: 'ok \u{1f600} \ufffd' }],
      n: 1,
      z: null,
    });
  });

  it('handles a plain string and nesting far deeper than the call stack', () => {
    expect(storableText('a\u0000')).toBe('a');
    const deep = JSON.parse(`${'['.repeat(50_000)}"\\u0000"${']'.repeat(50_000)}`) as unknown;
    let node = storableText(deep) as unknown;
    for (let i = 0; i < 50_000; i += 1) node = (node as unknown[])[0];
    expect(node).toBe('');
  });
});
