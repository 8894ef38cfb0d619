/// The highlighted option of a list that a filter field drives (the tag picker, the command
/// palette, the merge dialog): which one it is, its element id for aria-activedescendant, kept
/// in view as it moves; the arrow keys move it round the list.
import { useEffect, useId, useState } from 'react';

export function useActiveOption(count: number) {
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, count - 1);
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  const moveTo = (index: number) => {
    if (count > 0) setActive(index);
  };
  /// Handles ArrowDown and ArrowUp (round the list); whether `key` was one of them.
  const arrowKey = (key: string): boolean => {
    if (key === 'ArrowDown') moveTo(activeIndex >= count - 1 ? 0 : activeIndex + 1);
    else if (key === 'ArrowUp') moveTo(activeIndex <= 0 ? count - 1 : activeIndex - 1);
    else return false;
    return true;
  };

  return { activeIndex, setActive, moveTo, arrowKey, listId, optionId };
}
