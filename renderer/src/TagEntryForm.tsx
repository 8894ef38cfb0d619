/// A tag's codebook entry as a form: name, colour, shortcut key, and the definition with when
/// to use the tag, when not to, and an example. The contract's schema checks it before it is
/// sent; the library checks it again, and a refusal shows next to the field it names.
import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { methodArgs } from '../../common/api.ts';
import type { Tag } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';
import { RESERVED_KEYS } from '../../common/reservedKeys.ts';

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
type Problems = Partial<Record<Field | 'form', string>>;

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
  const id = useId();
  const [values, setValues] = useState<TagEntry>(entry);
  const [errors, setErrors] = useState<Problems>({});
  const [saving, setSaving] = useState(false);
  const set = (field: Field, value: string | null) => setValues((v) => ({ ...v, [field]: value }));

  const refuse = (problems: Problems) => {
    setErrors(problems);
    setSaving(false);
    const first = (Object.keys(labels) as Field[]).find((field) => problems[field]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const foreseen = checkEntry(values);
    if (foreseen) return refuse(foreseen);
    setSaving(true);
    setErrors({});
    try {
      await onSave(values);
    } catch (error) {
      const refusal = asExcerptError(error);
      refuse({ [refusal.field && refusal.field in labels ? refusal.field : 'form']: refusal.message });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  // Wires a field's label, error and invalid state together.
  const field = (name: Field, control: (props: FieldProps) => ReactNode) => (
    <div className={`tag-entry-field tag-entry-field-${name}`}>
      <label htmlFor={`${id}-${name}`}>{labels[name]}</label>
      {control({
        id: `${id}-${name}`,
        'aria-invalid': errors[name] ? true : undefined,
        'aria-describedby': errors[name] ? `${id}-${name}-error` : undefined,
      })}
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  );

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

interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
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

/// What the contract's schema says of each field, as sentences; null when all is well.
function checkEntry(entry: TagEntry): Problems | null {
  const parsed = methodArgs.createTag.safeParse(entry);
  if (parsed.success) return null;
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = field in labels ? (field as Field) : 'form';
    problems[key] ??= `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
  }
  return problems;
}
