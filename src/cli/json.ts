/**
 * JSON.stringify without recursion, for plain data (objects, arrays, strings, numbers, booleans,
 * null) of any depth: the same text as `JSON.stringify(value)` (one line), where the built-in
 * runs out of stack a few thousand levels down.
 */
export function stringifyDeep(value: unknown): string {
  const out: string[] = [];
  // Work items: a value to write, or a literal piece of text (brackets, commas, keys).
  const stack: ({ readonly text: string } | { readonly value: unknown })[] = [{ value }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const v = item.value;
    if (v === null || typeof v !== 'object') {
      out.push(scalar(v) ?? 'null');
      continue;
    }
    const pieces: ({ readonly text: string } | { readonly value: unknown })[] = [];
    if (Array.isArray(v)) {
      pieces.push({ text: '[' });
      v.forEach((element, i) => {
        if (i > 0) pieces.push({ text: ',' });
        // Inside arrays, what JSON leaves out of objects (undefined, functions) is written as null.
        const omitted = element === undefined || typeof element === 'function' || typeof element === 'symbol';
        pieces.push(omitted ? { text: 'null' } : { value: element });
      });
      pieces.push({ text: ']' });
    } else {
      pieces.push({ text: '{' });
      let first = true;
      for (const [key, field] of Object.entries(v)) {
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        pieces.push({ text: `${first ? '' : ','}${JSON.stringify(key)}:` });
        pieces.push({ value: field });
        first = false;
      }
      pieces.push({ text: '}' });
    }
    for (let i = pieces.length - 1; i >= 0; i--) stack.push(pieces[i]!);
  }
  return out.join('');
}

/** A scalar as JSON; undefined for what JSON.stringify leaves out (undefined, functions, symbols). */
function scalar(v: unknown): string | undefined {
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  if (typeof v === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  return JSON.stringify(v);
}
