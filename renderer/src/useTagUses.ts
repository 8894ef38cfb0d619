/// How many highlights carry each tag, in the open document and in the library, for the
/// codebook panel. Asked again whenever the codebook is reloaded (which follows every change
/// to the library) and whenever the open document's highlights change, but only while the
/// panel shows (`active`): counting a library of a million highlights takes a while.
import { useEffect, useRef, useState } from 'react';
import type { Tag, TagUse, TextHighlight } from '../../common/types.ts';
import { api } from './api.ts';

/// The counts by tag id, or null until the first answer.
export function useTagUses(
  documentId: number | null,
  tags: readonly Tag[],
  annotations: readonly TextHighlight[] | null,
  onError: (error: unknown) => void,
  active: boolean,
): ReadonlyMap<number, TagUse> | null {
  const [uses, setUses] = useState<ReadonlyMap<number, TagUse> | null>(null);
  // Answers arrive late; only the newest request's counts are shown.
  const latest = useRef(0);
  const reportError = useRef(onError);
  useEffect(() => {
    reportError.current = onError;
  });

  useEffect(() => {
    if (!active) return;
    const request = ++latest.current;
    api.countTagUses(documentId === null ? {} : { documentId }).then(
      (list) => {
        if (request === latest.current) setUses(new Map(list.map((use) => [use.tagId, use])));
      },
      (error: unknown) => {
        if (request === latest.current) reportError.current(error);
      },
    );
  }, [documentId, tags, annotations, active]);

  return uses;
}
