/// Strips from a parsed HTML tree everything that is not readable content: scripts, styles,
/// frames, plugins, SVG and MathML, templates, form controls, metadata elements and what the
/// page hides. The schema would drop most of them anyway; removing them first makes sure no
/// script or style text, and no text the reader never saw, can become document text.

/// Elements removed with all they contain.
const removed = new Set([
  'script', 'style', 'link', 'meta', 'base', 'title', 'head',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param',
  'svg', 'math', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext', 'canvas', 'audio', 'video', 'source', 'track', 'picture', 'img', 'map', 'area',
  // Form controls, not forms: some sites wrap their whole page in a <form>.
  'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'label', 'output', 'progress', 'meter',
  'dialog', 'slot',
]);

/// Inline styles that hide an element from the reader.
const hiddenStyle = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;

/// Removes scripts, styles, embedded content, form controls and hidden elements under `root`.
export function removeActiveContent(root: ParentNode): void {
  // One pass over every element: a selector per kind would walk the tree once per kind.
  for (const element of Array.from(root.querySelectorAll('*'))) {
    if (removed.has(element.localName.toLowerCase()) || isHidden(element)) element.remove();
  }
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && hiddenStyle.test(style);
}
