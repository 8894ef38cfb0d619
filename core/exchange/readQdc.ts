/// Reads a REFI-QDA codebook: a `.qdc` file on its own, or the `<CodeBook>` of a project. Codes
/// nest inside codes; each has a GUID, a name, maybe a colour and a description.
import { ExcerptError } from '../../common/errors.ts';
import type { ImportedCode } from './project.ts';
import { attributeOf, childElement, childElements, childText, localName, xmlRoot } from './xml.ts';

const COLOR = /^#[0-9a-f]{6}$/i;

/// The codes of the `.qdc` file `xml`, each parent before its children.
export function readQdc(xml: string): ImportedCode[] {
  const root = xmlRoot(xml);
  if (!root) {
    throw new ExcerptError('invalid-argument', 'This .qdc file is not readable XML: it is cut off, damaged, or another kind of file. Export the codebook again from the program that made it.');
  }
  if (localName(root) !== 'CodeBook') {
    throw new ExcerptError('invalid-argument', `This file is not a REFI-QDA codebook: its XML holds a <${localName(root)}> where a .qdc holds a <CodeBook>. Choose the .qdc file that your program exported as its codebook.`);
  }
  const codes = readCodes(root);
  if (codes.length === 0) {
    throw new ExcerptError('invalid-argument', 'This .qdc codebook holds no codes, so there is nothing to import. Export the codebook again once it has codes.');
  }
  return codes;
}

/// The codes of a `<CodeBook>` element (`.qdc` root or part of a project), each parent before
/// its children.
export function readCodes(codeBook: Element): ImportedCode[] {
  const codes: ImportedCode[] = [];
  const seen = new Set<string>();
  // Depth first, each code before the codes inside it; a stack, as a file may nest codes deeply.
  const codesIn = (parent: Element, parentKey: string | null) => childElements(parent, 'Code').map((code) => ({ code, parentKey })).reverse();
  const list = childElement(codeBook, 'Codes');
  const pending = list ? codesIn(list, null) : [];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { code, parentKey } = next;
    const name = attributeOf(code, 'name')?.trim();
    const guid = attributeOf(code, 'guid')?.trim();
    if (!name) {
      throw new ExcerptError('invalid-argument', `A code of this codebook has no name${guid ? ` (GUID ${guid})` : ''}. Name it in the program that made the file, then export again.`);
    }
    const key = guid || name;
    const identity = guid ? guidKey(guid) : `name:${name}`;
    if (seen.has(identity)) {
      throw new ExcerptError('invalid-argument', `Two codes of this codebook share the ${guid ? `GUID ${guid}` : `name "${name}" and have no GUID`}, so their highlights cannot be told apart. Export the codebook again from the program that made it.`);
    }
    seen.add(identity);
    const color = attributeOf(code, 'color')?.trim() ?? '';
    codes.push({ key, name, color: COLOR.test(color) ? color.toLowerCase() : null, description: childText(code, 'Description'), parentKey });
    pending.push(...codesIn(code, key));
  }
  return codes;
}

/// A GUID as references compare it: REFI-QDA allows upper and lower case and enclosing braces.
export function guidKey(guid: string): string {
  return guid.trim().replace(/^\{(.*)\}$/, '$1').toLowerCase();
}
