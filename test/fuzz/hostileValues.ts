/// For the fuzz tests: what a hostile or broken caller sends in place of a method's arguments.
/// Junk of any shape, and the method's valid arguments with one thing broken: a field of the
/// wrong type or out of range, missing, doubled, or joined by an extra key ("__proto__" among
/// them). Over ipc the values are whatever structured clone carries (undefined, NaN, BigInt,
/// Dates, Maps, typed arrays, cycles); over HTTP only what JSON carries.
import fc from 'fast-check';

/// How a call reaches the service: Electron's ipc (structured clone) or the loopback host (JSON).
export type Transport = 'ipc' | 'http';

const dates = ['2021-02-30', '2021-13-01', '0000-00-00', '-001-01-01', '+275760-09-13', '2021-1-1', '2021-01-01T00:00:00Z', '19 November 2021'];
const numbersAsText = ['NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x1F', '1', ' 1 ', '1.0', '١', 'true', 'null', 'undefined'];
const names = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const paths = ['../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'C:\\Windows\\win.ini', '\\\\server\\share\\x', 'sources/../../x.txt', 'a/../../b.txt'];
const unicode = [
  '', ' ', '\t\n', '\r\n', '\u0000', 'a\u0000b', '\ud800', '\udfff', 'a\ud800b', '\ufeff', '\ufffe\uffff', '\u202egnp.exe', 'e\u0301\u0301\u0301',
  '👩‍👩‍👧‍👦', '𝔘𝔫𝔦𝔬𝔫', 'İı', 'ﬀ', 'ß', '\u200b', '\u2028\u2029', 'Ω'.normalize('NFD'),
];
const markup = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "' OR 1=1; DROP TABLE documents; --", '%s%n%x', '${7*7}', '{{7*7}}',
  'javascript:alert(1)', 'file:///etc/passwd', 'http://', 'https://exa mple.org', 'data:text/html,x', 'mailto:a@b', 'https://example.org/' + 'a'.repeat(5000),
];
/// Full-text query syntax, which the search must read as words, never as operators.
const searchSyntax = ['"', '"unbalanced', 'a OR', 'OR', 'AND', 'NOT', 'NEAR(', 'NEAR(a b, -1)', '*', 'a*', '^a', '-a', 'title:', 'text:x', '(', ')', '{a b}:c', '+', 'a"b'];
const malformed = ['#GGGGGG', '#fff', 'red', '====', 'A', '!!!!', 'YQ', 'YQ==='];
const numbers = [0, -0, -1, 1.5, 0.1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity];

function nested(depth: number, inObject: boolean): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = inObject ? { type: 'doc', content: [value] } : [value];
  return value;
}

/// Values that cross ipc but not JSON.
function cloneOnly(): fc.Arbitrary<unknown> {
  const cyclic = () => {
    const value: Record<string, unknown> = { type: 'doc' };
    value.content = [value];
    return value;
  };
  return fc.oneof(
    fc.constantFrom<unknown>(undefined, 10n, -(2n ** 70n), new Map([['id', 1]]), new Set([1]), new Uint8Array([1, 2, 3]), /id/g, [, 1], Object.create(null) as object),
    fc.date({ noInvalidDate: false }),
    fc.constant(null).map(cyclic),
    fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true, withUnicodeString: true }),
  );
}

/// One value that does not belong where it is put.
export function hostileValue(transport: Transport): fc.Arbitrary<unknown> {
  const plain: fc.Arbitrary<unknown>[] = [
    fc.constantFrom<unknown>(null, true, false, [], {}, [[]], [null], [1, -1], { id: 1 }, ...numbers),
    fc.constantFrom(...dates, ...numbersAsText, ...names, ...paths, ...unicode, ...markup, ...searchSyntax, ...malformed),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }),
  ];
  const large: fc.Arbitrary<unknown>[] = [
    // Just past the contract's limits (notes 100,000, names 1,000), and far past them.
    fc.constantFrom(201, 1001, 10_001, 100_001, 1_000_001).map((length) => 'é'.repeat(length)),
    fc.constantFrom(101, 100_001).map((length) => Array.from({ length }, (_, i) => i + 1)),
    fc.constantFrom(64, 1000).chain((depth) => fc.boolean().map((inObject) => nested(depth, inObject))),
    fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}}') as unknown),
  ];
  return fc.oneof(
    { arbitrary: fc.oneof(...plain), weight: 12 },
    { arbitrary: fc.oneof(...large), weight: 2 },
    { arbitrary: transport === 'ipc' ? cloneOnly() : fc.oneof(...plain), weight: transport === 'ipc' ? 3 : 0 },
  );
}

/// A key a caller should not send: the prototype's names, or any string.
const extraKey = fc.oneof(fc.constantFrom(...names, '', ' ', 'id ', 'ID', '0', 'length'), fc.string({ unit: 'binary', maxLength: 12 }));

type Path = (string | number)[];

/// Every place in `value` a mutation may touch: the value itself and everything inside it.
function placesIn(value: unknown, at: Path = []): Path[] {
  const inner = Array.isArray(value) ? value.map((item, i) => placesIn(item, [...at, i]))
    : value !== null && typeof value === 'object' ? Object.entries(value).map(([key, item]) => placesIn(item, [...at, key])) : [];
  return [at, ...inner.flat()];
}

/// Sets an own property, as JSON.parse does, even for "__proto__".
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation = { kind: 'replace' | 'add'; value: unknown; key: string } | { kind: 'remove' | 'double' };

/// `valid` with one thing broken at `path`.
function mutated(valid: unknown, path: Path, mutation: Mutation): unknown {
  if (path.length === 0 && mutation.kind === 'replace') return mutation.value;
  const copy = structuredClone(valid);
  let holder = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
  const last = path.at(-1);
  const target = last === undefined ? holder : holder[last];
  switch (mutation.kind) {
    case 'replace':
      setOwn(holder, last!, mutation.value);
      break;
    case 'remove':
      if (last === undefined) return undefined;
      if (Array.isArray(holder)) holder.splice(last as number, 1);
      else delete holder[last];
      break;
    case 'double':
      if (Array.isArray(target)) target.push(...target);
      else if (Array.isArray(holder)) holder.push(structuredClone(target));
      else return [copy, copy];
      break;
    case 'add': {
      // An extra key in an object; in an array, an extra item.
      const into = target !== null && typeof target === 'object' ? target : holder;
      if (Array.isArray(into)) into.push(mutation.value);
      else setOwn(into, mutation.key, mutation.value);
    }
  }
  return copy;
}

/// Arguments for a method whose valid arguments are `valid`: mostly those with one thing
/// broken, sometimes junk of any shape.
export function hostileArgs(valid: unknown, transport: Transport): fc.Arbitrary<unknown> {
  const places = placesIn(valid);
  const value = hostileValue(transport);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('replace' as const), value, key: fc.constant('') }), weight: 6 },
    { arbitrary: fc.record({ kind: fc.constant('add' as const), value, key: extraKey }), weight: 2 },
    { arbitrary: fc.constantFrom({ kind: 'remove' as const }, { kind: 'double' as const }), weight: 2 },
  );
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...places), mutation).map(([path, change]) => mutated(valid, path, change)), weight: 8 },
    { arbitrary: value, weight: 1 },
  );
}
