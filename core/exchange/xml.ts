/// The XML of an exchange file as elements to walk. linkedom (already the library's DOM) parses
/// it: it decodes references and CDATA, expands no entity a file declares (so a file cannot blow
/// up into gigabytes), and loads nothing. It reads leniently, as htmlparser2 does: an element
/// left open is closed, not refused. So a document that stops before its root's end tag, as a
/// cut-off or damaged file does, is refused here. Elements are matched by local name, whatever
/// namespace prefix a program writes.
import { DOMParser } from 'linkedom';

const parser = new DOMParser();

/// The root element of the XML document `xml`; undefined when `xml` holds no element or stops
/// before its root ends.
export function xmlRoot(xml: string): Element | undefined {
  // XML reads every "\r\n" and lone "\r" as "\n" before parsing (XML 1.0 §2.11); "&#13;" stays.
  const normalised = xml.replace(/\r\n?/g, '\n');
  const root = (parser.parseFromString(normalised, 'text/xml') as unknown as Document).documentElement;
  if (!root) return undefined;
  const tail = withoutTrailingMisc(normalised);
  const endTag = tail.slice(tail.lastIndexOf('</'));
  const closed = (endTag.startsWith(`</${root.tagName}`) && /^\s*>$/.test(endTag.slice(root.tagName.length + 2)))
    || (root.childNodes.length === 0 && tail.endsWith('/>'));
  return closed ? root : undefined;
}

/// `xml` without the white space, comments and processing instructions after its root.
function withoutTrailingMisc(xml: string): string {
  let tail = xml.trimEnd();
  for (;;) {
    const start = tail.endsWith('-->') ? tail.lastIndexOf('<!--') : tail.endsWith('?>') ? tail.lastIndexOf('<?') : -1;
    if (start < 0) return tail;
    tail = tail.slice(0, start).trimEnd();
  }
}

/// The element's name without its namespace prefix.
export function localName(element: Element): string {
  return element.tagName.slice(element.tagName.indexOf(':') + 1);
}

/// The child elements called `name`, in order.
export function childElements(element: Element, name: string): Element[] {
  return Array.from(element.children).filter((child) => localName(child) === name);
}

/// The first child element called `name`.
export function childElement(element: Element, name: string): Element | undefined {
  return Array.from(element.children).find((child) => localName(child) === name);
}

/// The attribute's value, references decoded; null when the element has none.
export function attributeOf(element: Element, name: string): string | null {
  // linkedom's getAttribute escapes "&" and "<" again in XML documents; the node's value is the true one.
  return element.getAttributeNode(name)?.value ?? null;
}

/// The text of the first child element called `name` ('' when there is none).
export function childText(element: Element, name: string): string {
  return childElement(element, name)?.textContent ?? '';
}
