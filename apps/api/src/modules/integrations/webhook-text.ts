const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function clean(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\ufffd');
}

/**
 * Makes a parsed webhook body storable: PostgreSQL text and jsonb hold neither U+0000 nor lone
 * UTF-16 surrogates, so NULs are dropped and lone surrogates become U+FFFD, in every string and key.
 * Changes the (freshly parsed) value in place, without recursion: bodies may nest thousands deep.
 */
export function storableText<T>(root: T): T {
  if (typeof root === 'string') return clean(root) as T;
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        const value: unknown = node[i];
        if (typeof value === 'string') node[i] = clean(value);
        else if (value !== null && typeof value === 'object') stack.push(value);
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const value = record[key];
      const cleanKey = clean(key);
      if (cleanKey !== key) delete record[key];
      record[cleanKey] = typeof value === 'string' ? clean(value) : value;
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return root;
}
