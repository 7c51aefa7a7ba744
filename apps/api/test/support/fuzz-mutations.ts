/**
 * Deterministic mutations of recorded webhook bodies, for the inbound webhook fuzz suite. Every
 * choice comes from a seeded PRNG, so a failing case is named by (seed, index) and replays exactly.
 */

/** mulberry32: a tiny, fast, seeded PRNG (same seed, same sequence). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)]!;
  }

  /** A version-4 shaped UUID built from the PRNG (deterministic, unique enough per run). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}

/** The run's seed and size: `PODIUM_FUZZ_SEED`, `PODIUM_FUZZ_COUNT` (per webhook; small in CI). */
export function fuzzSettings(defaultCount = 300): { seed: number; count: number } {
  const seed = Number(process.env['PODIUM_FUZZ_SEED'] ?? 20261121);
  const count = Number(process.env['PODIUM_FUZZ_COUNT'] ?? defaultCount);
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
    throw new Error('PODIUM_FUZZ_SEED and PODIUM_FUZZ_COUNT must be positive integers');
  }
  return { seed, count };
}

/**
 * What a mutated body may still be:
 * - `valid`: the delivery as the platform sends it; it must be accepted and recorded once.
 * - `any`: odd but maybe acceptable (a wrong type on an optional field…): no 5xx; a 4xx records nothing.
 * - `invalid`: not a delivery at all (not JSON, truncated, oversized): a 4xx that records nothing.
 */
export type Verdict = 'valid' | 'any' | 'invalid';

export interface BodyMutation {
  name: string;
  verdict: Verdict;
  /** The raw body text for this JSON value (the value is a fresh copy the mutation may change). */
  apply(value: Record<string, unknown>, rng: Rng): string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Leaf = { parent: Record<string, Json> | Json[]; key: string | number; value: Json };

/** Every (parent, key) in the value, depth first, objects and arrays included. */
function leaves(value: Json, into: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) {
    value.forEach((child, key) => {
      into.push({ parent: value, key, value: child });
      leaves(child, into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      into.push({ parent: value, key, value: child });
      leaves(child, into);
    }
  }
  return into;
}

function setAt(leaf: Leaf, value: Json): void {
  (leaf.parent as Record<string | number, Json>)[leaf.key] = value;
}

function pickLeaf(value: Record<string, unknown>, rng: Rng, filter: (leaf: Leaf) => boolean = () => true) {
  const all = leaves(value as Json).filter(filter);
  return all.length ? rng.pick(all) : undefined;
}

/** Strings that trip up text handling: controls, bidi overrides, lone surrogates, combining marks, emoji. */
export const UNICODE_ODDITIES = [
  '\u0000',
  '\u202e\u202dreversed',
  '\ufeffbom',
  '\ud800',
  '\udfff lone low',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358',
  '\u{1f469}\u200d\u{1f469}\u200d\u{1f467}\u200d\u{1f466}',
  '\u2028\u2029',
  '\u200b\u200c\u200d\u2060',
  '</script><script>alert(1)</script>',
  "'; drop table chat_events; --",
  '%00%0d%0a',
  '\r\nSet-Cookie: x=1',
  '\uffff\ufffe',
  '𝕳𝖊𝖑𝖑𝖔',
];

const WRONG_VALUES: Json[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -0,
  3.14,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  'not-the-right-type',
  [],
  [1, 'two', null],
  {},
  { nested: { deeper: [] } },
];

function hugeString(rng: Rng): string {
  const size = rng.pick([64 * 1024, 300 * 1024, 1024 * 1024 + 17]);
  return rng.pick(['x', '\u00e9', '\u{1f600}', '\\', '"']).repeat(Math.ceil(size / 2));
}

function deepNest(depth: number, rng: Rng): string {
  return rng.int(2) === 0
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The body mutations; `extra` adds platform-specific ones. */
export const BODY_MUTATIONS: BodyMutation[] = [
  { name: 'as recorded', verdict: 'valid', apply: (value) => JSON.stringify(value) },
  {
    name: 'unknown extra field',
    verdict: 'any',
    apply: (value, rng) => {
      const leaf = pickLeaf(value, rng, (l) => l.value !== null && typeof l.value === 'object');
      const target = (leaf?.value ?? value) as Record<string, Json>;
      if (!Array.isArray(target)) target[`x_${rng.int(1e6)}`] = rng.pick(WRONG_VALUES);
      return JSON.stringify(value);
    },
  },
  {
    name: 'wrong type for a field',
    verdict: 'any',
    apply: (value, rng) => {
      const leaf = pickLeaf(value, rng);
      if (leaf) setAt(leaf, rng.pick(WRONG_VALUES.filter((v) => typeof v !== typeof leaf.value)));
      return JSON.stringify(value);
    },
  },
  {
    name: 'field removed',
    verdict: 'any',
    apply: (value, rng) => {
      const leaf = pickLeaf(value, rng, (l) => !Array.isArray(l.parent));
      if (leaf) delete (leaf.parent as Record<string, Json>)[leaf.key as string];
      return JSON.stringify(value);
    },
  },
  {
    name: 'unicode oddities in a string',
    verdict: 'any',
    apply: (value, rng) => {
      const leaf = pickLeaf(value, rng, (l) => typeof l.value === 'string');
      if (leaf)
        setAt(leaf, `${String(leaf.value)}${rng.pick(UNICODE_ODDITIES)}${rng.pick(UNICODE_ODDITIES)}`);
      return JSON.stringify(value);
    },
  },
  {
    name: 'huge string',
    verdict: 'any',
    apply: (value, rng) => {
      const leaf = pickLeaf(value, rng, (l) => typeof l.value === 'string');
      if (leaf) setAt(leaf, hugeString(rng));
      return JSON.stringify(value);
    },
  },
  {
    name: 'deep nesting',
    verdict: 'any',
    apply: (value, rng) => {
      const marker = `__deep_${rng.int(1e9)}__`;
      const leaf = pickLeaf(value, rng);
      if (leaf) setAt(leaf, marker);
      else value[marker] = marker;
      return JSON.stringify(value).replace(`"${marker}"`, deepNest(rng.pick([64, 2_000, 20_000]), rng));
    },
  },
  {
    name: 'duplicate keys',
    // JSON.parse keeps the last value, so the parsed delivery is the recorded one.
    verdict: 'valid',
    apply: (value, rng) => {
      const text = JSON.stringify(value);
      const keys = [...text.matchAll(/"([A-Za-z_]+)":/g)];
      if (keys.length === 0) return text;
      const match = rng.pick(keys);
      const at = match.index + match[0].length;
      // `"key": <garbage-but-valid>, "key": ` before the original value: JSON.parse keeps the last.
      const first = JSON.stringify(rng.pick(WRONG_VALUES));
      return `${text.slice(0, at)}${first},"${match[1]}":${text.slice(at)}`;
    },
  },
  {
    name: 'truncated',
    verdict: 'invalid',
    apply: (value, rng) => {
      const text = JSON.stringify(value);
      return text.slice(0, rng.int(text.length - 1));
    },
  },
  {
    name: 'invalid JSON',
    verdict: 'invalid',
    apply: (value, rng) => {
      const text = JSON.stringify(value);
      return rng.pick([
        `${text.slice(0, -1)},}`,
        `${text}}`,
        text.replace('{', "{'"),
        text.replace(/:("[^"]*"|\d+|true|false|null)/, ':NaN'),
        `${text}\u0000`,
        'null',
        '[]',
        '"a string"',
        '42',
        ' ',
      ]);
    },
  },
  {
    name: 'oversized (1 MB+)',
    verdict: 'invalid',
    apply: (value) => JSON.stringify({ ...value, padding: 'p'.repeat(1024 * 1024 + 1) }),
  },
  {
    name: 'random bytes',
    verdict: 'invalid',
    apply: (_value, rng) =>
      String.fromCharCode(
        ...Array.from({ length: 1 + rng.int(400) }, () => 0x21 + rng.int(0x7e - 0x21)),
      ).replace(/^[[{"\d\-tfn ]/, '~'),
  },
];

/** A deep copy of a JSON value (the fixtures are never changed in place). */
export function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Flips one hex character of a `…=<hex>` signature. */
export function flipHexChar(signature: string, rng: Rng): string {
  const at = signature.length - 1 - rng.int(Math.min(64, signature.length - 1));
  const ch = signature[at]!;
  const flipped = ch === '0' ? '1' : ch === 'f' ? 'e' : '0';
  return `${signature.slice(0, at)}${flipped}${signature.slice(at + 1)}`;
}
