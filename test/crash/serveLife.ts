/// One life of `excerpt serve` under the crash harness. Once it prints its address, a few
/// writers call its API without pause, as several open pages would: they create, edit and
/// delete highlights and import new releases and re-issues, until the process is killed.
/// Each answer is an acknowledged write; each request left without one, a write in flight.
import { ExcerptError } from '../../common/errors.ts';
import { textFile } from '../../core/testing/tempLibrary.ts';
import type { ExcerptProcess } from './excerptProcess.ts';
import { killAt, killMoment, type LifeContext, type LifeOutcome } from './life.ts';
import type { WriteInFlight } from './libraryModel.ts';
import { loopbackCaller, NoAnswer, type LoopbackCall } from './loopbackCaller.ts';

/// Requests in flight at once.
const WRITERS = 4;
/// Above this many highlights fewer are created than deleted, so a long run's library (and the
/// check after each kill) stays about this size.
const HIGHLIGHTS_KEPT = 1500;
/// Of all writes: imports of one to three new releases, and re-issues of a document.
const IMPORT_SHARE = 0.003;
const REISSUE_SHARE = 0.004;
/// The longest highlight drawn, in UTF-16 units.
const LONGEST_HIGHLIGHT = 300;

/// Runs `excerpt serve` on the library and writes to it until it is killed, up to `workMs` after
/// it starts answering (or while it starts: life.ts).
export async function serveLife(excerpt: ExcerptProcess, ctx: LifeContext, workMs: number): Promise<LifeOutcome> {
  const outcome: LifeOutcome = { killed: false, killedWhileStarting: true, writesInFlight: 0, surprises: [] };
  let alive = true;
  const writers: Promise<void>[] = [];
  // Documents with a write in flight: one write at a time per document keeps "the latest
  // acknowledged state" of each highlight well defined.
  const busy = new Set<number>();
  let signalWorking: () => void;
  const working = new Promise<void>((resolve) => (signalWorking = resolve));

  excerpt.run(['--db', ctx.libraryPath, 'serve'], (line) => {
    const address = /^Open (http:\/\/\S+)$/.exec(line)?.[1];
    if (!address || !alive) return;
    outcome.killedWhileStarting = false;
    ctx.opened();
    const call = loopbackCaller(address);
    for (let i = 0; i < WRITERS; i++) writers.push(writeUntilKilled(call));
    signalWorking();
  });

  async function writeUntilKilled(call: LoopbackCall): Promise<void> {
    while (alive) {
      const chosen = chooseWrite();
      if (!chosen) {
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      try {
        const write = await chosen.write;
        if (alive) await sendOne(call, write);
      } finally {
        if (chosen.documentId !== undefined) busy.delete(chosen.documentId);
      }
    }
  }

  async function sendOne(call: LoopbackCall, write: WriteInFlight): Promise<void> {
    try {
      await send(call, write);
    } catch (error) {
      if (error instanceof NoAnswer && !alive) {
        ctx.model.unanswered(write);
        outcome.writesInFlight++;
      } else if (error instanceof NoAnswer) {
        outcome.surprises.push(`${error.message}, though the process was not killed`);
      } else {
        outcome.surprises.push(`${write.kind} refused: ${error instanceof ExcerptError ? `${error.code}: ${error.message}` : String(error)}`);
      }
    }
  }

  /// Draws the next write among the documents no other writer is busy with, and marks its
  /// document busy. (Releases to import are read first, so the write itself may wait.)
  function chooseWrite(): { documentId?: number; write: WriteInFlight | Promise<WriteInFlight> } | undefined {
    const { model, random } = ctx;
    const draw = random();
    if (draw < IMPORT_SHARE) return { write: ctx.releases.fresh(1 + Math.floor(random() * 3)).then((releases) => ({ kind: 'import', releases })) };
    const free = [...model.documents.values()].filter((document) => !busy.has(document.id));
    const document = free[Math.floor(random() * free.length)];
    if (!document) return undefined;
    if (draw < IMPORT_SHARE + REISSUE_SHARE) {
      busy.add(document.id);
      return { documentId: document.id, write: ctx.releases.reissue(document.release).then((release) => ({ kind: 'reissue', documentId: document.id, release })) };
    }
    const highlights = [...model.highlights.values()].filter((highlight) => !busy.has(highlight.documentId));
    const highlight = highlights[Math.floor(random() * highlights.length)];
    // Below HIGHLIGHTS_KEPT, half the writes create a highlight, 3 in 10 edit one and 2 in 10
    // delete one; above, a quarter create and 3 in 10 delete.
    const createShare = model.highlights.size < HIGHLIGHTS_KEPT ? 0.5 : 0.25;
    const which = random();
    if (which < createShare || !highlight) {
      busy.add(document.id);
      const { text } = document.release;
      const start = Math.floor(random() * (text.length - 1));
      const end = start + 1 + Math.floor(random() * Math.min(LONGEST_HIGHLIGHT, text.length - start - 1));
      return { documentId: document.id, write: { kind: 'create', documentId: document.id, start, end, tagIds: someTags(), note: ctx.nextNote() } };
    }
    busy.add(highlight.documentId);
    const updateShare = (1 - createShare) * 0.6;
    return {
      documentId: highlight.documentId,
      write: which < createShare + updateShare ? { kind: 'update', id: highlight.id, tagIds: someTags(), note: ctx.nextNote() } : { kind: 'delete', id: highlight.id, note: highlight.note },
    };
  }

  function someTags(): number[] {
    return ctx.tagIds.filter(() => ctx.random() < 0.3);
  }

  /// Sends one write and takes its answer into the model.
  async function send(call: LoopbackCall, write: WriteInFlight): Promise<void> {
    const { model } = ctx;
    switch (write.kind) {
      case 'create': {
        const { documentId, start, end, tagIds, note } = write;
        const exact = model.documents.get(documentId)!.release.text.slice(start, end);
        const saved = await call('createAnnotation', { documentId, start, end, tagIds, note, exact });
        if (saved.start !== start || saved.end !== end || saved.note !== note) outcome.surprises.push(`createAnnotation answered ${JSON.stringify(saved)} for ${JSON.stringify(write)}`);
        return model.created(saved);
      }
      case 'update':
        return model.updated(await call('updateAnnotation', { id: write.id, tagIds: write.tagIds, note: write.note }));
      case 'delete':
        await call('deleteAnnotation', { id: write.id });
        return model.deleted(write.id, write.note);
      case 'import': {
        const result = await call('importFiles', { files: write.releases.map((r) => textFile(r.name, r.content)) });
        for (const release of write.releases) {
          const imported = result.imported.find((document) => document.name === release.name);
          if (imported) model.imported(imported.id, release);
          else outcome.surprises.push(`importFiles did not import ${release.name}: ${JSON.stringify(result)}`);
        }
        return;
      }
      case 'reissue': {
        const result = await call('importFiles', { files: [textFile(write.release.name, write.release.content)] });
        if (result.revised[0]?.id === write.documentId) return model.reissued(write.documentId, write.release);
        outcome.surprises.push(`importFiles did not take ${write.release.name} as a re-issue of document ${write.documentId}: ${JSON.stringify(result)}`);
      }
    }
  }

  outcome.killed = await killAt(excerpt, killMoment(ctx.random, working, workMs), () => (alive = false));
  if (!outcome.killed) outcome.surprises.push(`excerpt serve ended by itself: ${excerpt.stderr()}`);
  await Promise.all(writers);
  return outcome;
}
