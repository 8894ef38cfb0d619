/// Calls `onSeen` whenever the element comes within a screen of being shown (a list's "Show
/// more" button scrolled near: the next page is there before the analyst reaches the end).
import { useEffect, type RefObject } from 'react';

export function useWhenSeen(ref: RefObject<Element | null>, onSeen: () => void, active: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onSeen();
    }, { rootMargin: '100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  });
}
