/// Keeps a document's text as it was imported while still letting the analyst select it
/// with mouse and keyboard: every transaction that would change the text is refused.
import { Plugin } from 'prosemirror-state';

export function readOnlyText(): Plugin {
  return new Plugin({
    filterTransaction: (tr) => !tr.docChanged,
    props: {
      handleDOMEvents: {
        // The browser would change the DOM itself before ProseMirror could refuse the change.
        beforeinput: (_view, event) => {
          event.preventDefault();
          return true;
        },
      },
      handlePaste: () => true,
      handleDrop: () => true,
    },
  });
}
