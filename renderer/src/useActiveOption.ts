/// A list of options that a filter field drives (the tag picker, the command palette, the
/// merge dialog), as an ARIA combobox: which option is active, kept in view as it moves; the
/// arrow keys move it round the list, typing in the field starts again at the first, and the
/// mouse picks without taking the focus from the field. The attributes for the field, the list
/// and each option come from here, so the three read and behave alike.
import { useEffect, useId, useState, type ChangeEvent, type MouseEvent } from 'react';

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

  /// The filter field showing `query`; a change of it goes to `setQuery`.
  const filterProps = (query: string, setQuery: (query: string) => void) => ({
    type: 'text',
    role: 'combobox',
    'aria-expanded': true,
    'aria-controls': listId,
    'aria-autocomplete': 'list' as const,
    'aria-activedescendant': activeIndex >= 0 ? optionId(activeIndex) : undefined,
    spellCheck: false,
    autoComplete: 'off',
    value: query,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      setQuery(event.target.value);
      setActive(0);
    },
  });
  const listProps = { id: listId, role: 'listbox' };
  const optionProps = (i: number) => ({
    id: optionId(i),
    role: 'option',
    'aria-selected': i === activeIndex,
    // Keeps the focus in the filter field while the mouse picks.
    onMouseDown: (event: MouseEvent) => event.preventDefault(),
    onMouseMove: () => setActive(i),
  });

  return { activeIndex, moveTo, arrowKey, filterProps, listProps, optionProps };
}
