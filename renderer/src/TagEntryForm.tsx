/// A tag's codebook entry as a form: name, colour, shortcut key, and the definition with when
/// to use the tag, when not to, and an example. The contract's schema checks it before it is
/// sent; the library checks it again, and a refusal shows next to the field it names.
import { useState } from 'react';
import { methodArgs } from '../../common/api.ts';
import type { Tag } from '../../common/types.ts';
import { RESERVED_KEYS } from '../../common/reservedKeys.ts';
import { schemaProblems, useCheckedForm } from './useCheckedForm.tsx';

/// What the form saves, as createTag and updateTag take it.
export interface TagEntry {
  name: string;
  color: string;
  shortcut: string | null;
  description: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
}

type Field = keyof TagEntry;

interface TagEntryFormProps {
  /// "New tag", "Edit “Actors”": what the form is for.
  title: string;
  entry: TagEntry;
  /// The tag being edited (null for a new one): its own shortcut stays free for it.
  tagId: number | null;
  /// The whole codebook, to say which tag holds each shortcut key.
  tags: readonly Tag[];
  /// Saves the entry; rejects with the library's refusal (naming the field).
  onSave: (entry: TagEntry) => Promise<void>;
  onCancel: () => void;
}

const labels: Record<Field, string> = {
  name: 'Name',
  color: 'Colour',
  shortcut: 'Shortcut',
  description: 'Definition',
  whenToUse: 'When to use',
  whenNotToUse: 'When not to use',
  example: 'Example',
};

const placeholders: Partial<Record<Field, string>> = {
  description: 'What the code means',
  whenToUse: 'Statements this code is for',
  whenNotToUse: 'Statements that look alike but belong elsewhere',
  example: 'A statement that carries this code',
};

// Every key a shortcut may be, as the contract allows: a digit or a lower-case letter.
const SHORTCUT_KEYS = [...'0123456789abcdefghijklmnopqrstuvwxyz'];

export function TagEntryForm({ title, entry, tagId, tags, onSave, onCancel }: TagEntryFormProps) {
  const [values, setValues] = useState<TagEntry>(entry);
  const { errors, saving, onSubmit, onKeyDown, field } = useCheckedForm(labels, 'tag-entry-field', onCancel);
  const set = (name: Field, value: string | null) => setValues((v) => ({ ...v, [name]: value }));
  const submit = onSubmit(() => schemaProblems(methodArgs.createTag.safeParse(values), labels), () => onSave(values));

  const text = (name: 'description' | 'whenToUse' | 'whenNotToUse' | 'example') =>
    field(name, (props) => (
      <textarea {...props} rows={2} placeholder={placeholders[name]} value={values[name]} onChange={(event) => set(name, event.target.value)} />
    ));

  return (
    <form className="tag-entry" aria-label={title} noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      <h3 className="tag-entry-title">{title}</h3>
      {field('name', (props) => (
        <input {...props} type="text" autoFocus autoComplete="off" spellCheck={false} value={values.name} onChange={(event) => set('name', event.target.value)} />
      ))}
      <div className="tag-entry-pair">
        {field('color', (props) => <input {...props} type="color" value={values.color} onChange={(event) => set('color', event.target.value)} />)}
        {field('shortcut', (props) => (
          <select {...props} value={values.shortcut ?? ''} onChange={(event) => set('shortcut', event.target.value === '' ? null : event.target.value)}>
            <option value="">None</option>
            {shortcutOptions(tags, tagId).map((option) => (
              <option key={option.key} value={option.key} disabled={option.unavailable !== null}>
                {option.unavailable === null ? option.key : `${option.key} — ${option.unavailable}`}
              </option>
            ))}
          </select>
        ))}
      </div>
      {text('description')}
      {text('whenToUse')}
      {text('whenNotToUse')}
      {text('example')}
      {errors.form && <p className="field-error" role="alert">{errors.form}</p>}
      <div className="tag-entry-actions">
        <button type="submit" className="primary-button" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="quiet-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

// Each shortcut key with why it cannot be chosen (the app answers to it, another tag has it),
// or null when it is free for tag `tagId`.
function shortcutOptions(tags: readonly Tag[], tagId: number | null) {
  const holders = new Map(tags.filter((t) => t.shortcut !== null && t.id !== tagId).map((t) => [t.shortcut, t.name]));
  return SHORTCUT_KEYS.map((key) => {
    const holder = holders.get(key);
    const reserved = Object.hasOwn(RESERVED_KEYS, key) ? RESERVED_KEYS[key] : undefined;
    const unavailable = reserved !== undefined ? `reserved: ${reserved}` : holder !== undefined ? `used by “${holder}”` : null;
    return { key, unavailable };
  });
}
