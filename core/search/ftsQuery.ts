/// Turns what an analyst typed into the search box into an FTS5 query that is never a syntax
/// error, whatever was typed. The rules, as the analyst sees them:
///
/// - Words: every one must occur (`cyber security`). Case and diacritics do not matter, in
///   any script: the index's tokenizer (unicode61, remove_diacritics 2) folds the query as it
///   folded the documents, so `Geneve` finds "Genève", `Genève` finds "Geneve" and
///   `заявление` finds "Заявление". Words of one or two letters are words like any other.
/// - "Quoted words" must occur together and in that order; a quote left open runs to the end.
/// - A word ending in `*` finds the words that begin with it (`negotiat*`) when the part
///   before the star has at least MIN_PREFIX letters or digits; a shorter one (`a*`, `eu*`)
///   is searched as the whole word, because a prefix that short merges the postings of a
///   large part of the vocabulary (in 100,000 press releases a two-letter prefix costs up to
///   a tenth of a second each time the index reads it, a three-letter one about a hundredth,
///   and a search reads it four times).
/// - `OR` between two terms finds either; it binds its two neighbours only, so
///   `cyber security OR defence` means cyber and (security or defence).
/// - `NOT` before a term leaves out the documents that hold it, from the whole query or
///   from the parentheses it stands in: `cyber OR information NOT "press conference"`.
/// - `AND` between two terms is what a space already means.
/// - (Parentheses) group terms: `(cyber OR information) (treaty OR convention)`.
///
/// Operators count only in capitals and only where they join something: `NOT` needs a term
/// after it and a term to keep beside it, `AND` and `OR` a term on either side. Anywhere else
/// `AND`, `OR`, `NOT` are words, as are `and`, `near`, `NEAR`. Everything else is text and
/// is split into words as the documents were (so `ITU-T`, `title:`, `-crime`, `^x` search
/// for their letters and digits); a parenthesis without its partner is ignored, and so are
/// parentheses nested more than MAX_NESTING deep.

/// The fewest letters or digits a prefix search needs; see above.
export const MIN_PREFIX = 3;

/// How deep parentheses nest; deeper ones are ignored, since FTS5's parser gives up on a
/// query nested some thirty levels deep.
const MAX_NESTING = 8;

type Operator = 'AND' | 'OR' | 'NOT';

/// A word or quoted phrase as typed; `operator` when it is a bare AND, OR or NOT.
interface Term {
  kind: 'term';
  text: string;
  prefix: boolean;
  operator?: Operator;
}

type Token = Term | { kind: '(' } | { kind: ')' };

/// What the query means: a term, alternatives, or terms that must all occur less those
/// that must not.
type Node = Term | { kind: 'or'; options: Node[] } | { kind: 'and'; keep: Node[]; drop: Node[] };

/// Letters, digits and private-use characters: what unicode61 keeps as parts of words.
const wordCharacter = /[\p{L}\p{N}\p{Co}]/u;

/// The FTS5 query for `typed`, or null when it holds no letter or digit to search for.
export function ftsQuery(typed: string): string | null {
  const tokens = pairedParentheses(tokenize(typed));
  let at = 0;

  const isOperator = (index: number, operator: Operator) => {
    const token = tokens[index];
    return token?.kind === 'term' && token.operator === operator;
  };
  // Whether a term or a group starts at `index` (an operator there would be a word only
  // because it stands in the wrong place, so it does not count).
  const operandAt = (index: number) => {
    const token = tokens[index];
    return token !== undefined && (token.kind === '(' || (token.kind === 'term' && token.operator === undefined));
  };

  const group = (): Node | null => {
    const items: { node: Node; negated: boolean }[] = [];
    while (at < tokens.length && tokens[at]!.kind !== ')') {
      if (isOperator(at, 'AND') && items.length > 0 && (operandAt(at + 1) || (isOperator(at + 1, 'NOT') && operandAt(at + 2)))) {
        at++;
        continue;
      }
      const negated = isOperator(at, 'NOT') && operandAt(at + 1);
      if (negated) at++;
      const node = alternatives();
      if (node) items.push({ node, negated });
    }
    // NOT with nothing to keep beside it cannot leave anything out: it is the word "not".
    const kept = items.some((item) => !item.negated)
      ? items
      : items.flatMap(({ node }) => [{ node: word('NOT'), negated: false }, { node, negated: false }]);
    return all(kept.filter((item) => !item.negated).map((item) => item.node), kept.filter((item) => item.negated).map((item) => item.node));
  };

  const alternatives = (): Node | null => {
    const options = [operand()];
    while (isOperator(at, 'OR') && operandAt(at + 1)) {
      at++;
      options.push(operand());
    }
    return either(options.filter((node) => node !== null));
  };

  const operand = (): Node | null => {
    const token = tokens[at++]!;
    if (token.kind === 'term') return token;
    // An opening parenthesis: pairedParentheses left only those with a partner.
    const inner = group();
    at++;
    return inner;
  };

  const query = group();
  return query && expression(query);
}

/// Splits typed text into quoted phrases, parentheses and words; drops what holds no word.
function tokenize(typed: string): Token[] {
  const tokens: Token[] = [];
  for (const match of typed.matchAll(/"([^"]*)"?|([()])|([^\s"()]+)/g)) {
    const [, phrase, parenthesis, raw] = match;
    if (parenthesis) {
      tokens.push({ kind: parenthesis as '(' | ')' });
      continue;
    }
    const quoted = phrase !== undefined;
    const text = quoted ? phrase : raw!.replace(/\*+$/, '');
    if (!wordCharacter.test(text)) continue;
    const starred = !quoted && text.length < raw!.length;
    const operator = !quoted && (text === 'AND' || text === 'OR' || text === 'NOT') && !starred ? text : undefined;
    tokens.push({ kind: 'term', text, prefix: starred && lastWordLength(text) >= MIN_PREFIX, ...(operator && { operator }) });
  }
  return tokens;
}

/// The letters and digits of the last word the tokenizer will cut from `text`.
function lastWordLength(text: string): number {
  const characters = [...text];
  let length = 0;
  for (let i = characters.length - 1; i >= 0 && wordCharacter.test(characters[i]!); i--) length++;
  return length;
}

/// The tokens without the parentheses that have no partner or sit more than MAX_NESTING deep.
function pairedParentheses(tokens: Token[]): Token[] {
  const open: number[] = [];
  const dropped = new Set<number>();
  tokens.forEach((token, index) => {
    if (token.kind === '(') {
      open.push(index);
    } else if (token.kind === ')') {
      const opening = open.pop();
      if (opening === undefined) dropped.add(index);
      else if (open.length >= MAX_NESTING) dropped.add(opening).add(index);
    }
  });
  for (const index of open) dropped.add(index);
  return tokens.filter((_, index) => !dropped.has(index));
}

function word(text: string): Term {
  return { kind: 'term', text, prefix: false };
}

/// Alternatives, nested ones flattened; null when there are none.
function either(options: Node[]): Node | null {
  const flat = options.flatMap((node) => (node.kind === 'or' ? node.options : [node]));
  if (flat.length <= 1) return flat[0] ?? null;
  return { kind: 'or', options: flat };
}

/// `keep` all, less `drop`; a kept group merges into this one, since (a NOT b) AND c is
/// (a AND c) NOT b. Null when nothing is kept.
function all(keep: Node[], drop: Node[]): Node | null {
  const flatKeep: Node[] = [];
  const flatDrop: Node[] = [...drop];
  for (const node of keep) {
    if (node.kind === 'and') {
      flatKeep.push(...node.keep);
      flatDrop.push(...node.drop);
    } else {
      flatKeep.push(node);
    }
  }
  if (flatKeep.length === 0) return null;
  if (flatKeep.length === 1 && flatDrop.length === 0) return flatKeep[0]!;
  return { kind: 'and', keep: flatKeep, drop: flatDrop };
}

/// The FTS5 text of a query: every term a quoted string (so nothing in it is syntax), every
/// group in parentheses, and all that is left out in one NOT, so the tree stays shallow.
function expression(node: Node): string {
  switch (node.kind) {
    case 'term':
      return `"${node.text}"${node.prefix ? '*' : ''}`;
    case 'or':
      return node.options.map(nested).join(' OR ');
    case 'and': {
      const kept = node.keep.map(nested).join(' AND ');
      if (node.drop.length === 0) return kept;
      const dropped = either(node.drop)!;
      return `${node.keep.length > 1 ? `(${kept})` : kept} NOT ${nested(dropped)}`;
    }
  }
}

function nested(node: Node): string {
  return node.kind === 'term' ? expression(node) : `(${expression(node)})`;
}
