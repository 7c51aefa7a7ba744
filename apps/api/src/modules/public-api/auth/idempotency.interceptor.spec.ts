import { canonicalJson, requestHash } from './idempotency.interceptor';

describe('idempotency request identity', () => {
  it('ignores key order and undefined members but not values', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null }, e: undefined })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
    expect(requestHash('POST', '/x', { a: 1, b: 2 })).toBe(requestHash('post', '/x', { b: 2, a: 1 }));
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/x', { a: 2 }));
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('POST', '/y', { a: 1 }));
    expect(requestHash('POST', '/x', { a: 1 })).not.toBe(requestHash('PUT', '/x', { a: 1 }));
    expect(requestHash('POST', '/x', ['1'])).not.toBe(requestHash('POST', '/x', [1]));
    expect(requestHash('POST', '/x', undefined)).toBe(requestHash('POST', '/x', null));
  });
});
