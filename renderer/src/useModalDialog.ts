/// A `<dialog>` shown as a modal once its component mounts (the browser then keeps the focus
/// inside it and closes it on Escape): the ref to put on the dialog element.
import { useEffect, useRef, type RefObject } from 'react';

export function useModalDialog(): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return dialog;
}
