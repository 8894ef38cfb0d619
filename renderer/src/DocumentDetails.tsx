/// The open document's details (title, date, source, URL) as a small form. The contract's
/// own schema checks them before they are sent (so a foreseeable refusal is not a failed
/// request), the library checks them again; a refusal shows next to the field it names.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { methodArgs } from '../../common/api.ts';
import type { LibraryDocument } from '../../common/types.ts';
import { asExcerptError } from '../../common/client.ts';

/// What the form saves, as updateDocument takes it (empty fields are cleared, the title is required).
export interface DetailsChanges {
  title: string;
  published: string | null;
  source: string | null;
  sourceUrl: string | null;
}

type Field = keyof DetailsChanges;
type Problems = Partial<Record<Field | 'form', string>>;

interface DocumentDetailsProps {
  document: LibraryDocument;
  onSave: (changes: DetailsChanges) => Promise<void>;
  onClose: () => void;
}

const labels: Record<Field, string> = { title: 'Title', published: 'Date', source: 'Source', sourceUrl: 'URL' };

export function DocumentDetails({ document, onSave, onClose }: DocumentDetailsProps) {
  const id = useId();
  const [values, setValues] = useState<Record<Field, string>>({
    title: document.title,
    published: document.published ?? '',
    source: document.source ?? '',
    sourceUrl: document.sourceUrl ?? '',
  });
  const [errors, setErrors] = useState<Problems>({});
  const [saving, setSaving] = useState(false);

  const refuse = (problems: Problems) => {
    setErrors(problems);
    setSaving(false);
    const first = (Object.keys(labels) as Field[]).find((field) => problems[field]);
    if (first) globalThis.document.getElementById(`${id}-${first}`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blankIsNull = (value: string) => (value.trim() === '' ? null : value.trim());
    const changes = { title: values.title, published: blankIsNull(values.published), source: blankIsNull(values.source), sourceUrl: blankIsNull(values.sourceUrl) };
    const foreseen = checkDetails(document.id, changes);
    if (foreseen) return refuse(foreseen);
    setSaving(true);
    setErrors({});
    try {
      await onSave(changes);
    } catch (error) {
      const refusal = asExcerptError(error);
      refuse({ [refusal.field && refusal.field in labels ? refusal.field : 'form']: refusal.message });
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };

  const input = (field: Field, type: string, extra: Record<string, unknown> = {}) => (
    <div className={`details-field details-field-${field}`}>
      <label htmlFor={`${id}-${field}`}>{labels[field]}</label>
      <input
        id={`${id}-${field}`}
        type={type}
        value={values[field]}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={errors[field] ? `${id}-${field}-error` : undefined}
        onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
        {...extra}
      />
      {errors[field] && (
        <p id={`${id}-${field}-error`} className="field-error">
          {errors[field]}
        </p>
      )}
    </div>
  );

  return (
    <form className="document-details" aria-label="Document details" noValidate onSubmit={(event) => void submit(event)} onKeyDown={onKeyDown}>
      {input('title', 'text', { autoFocus: true })}
      {input('published', 'date')}
      {input('source', 'text', { placeholder: 'Issuer or outlet' })}
      {input('sourceUrl', 'url', { placeholder: 'https://…', spellCheck: false })}
      {errors.form && <p className="field-error details-form-error" role="alert">{errors.form}</p>}
      <div className="details-actions">
        <button type="submit" className="primary-button" disabled={saving}>
          {saving ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="quiet-button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/// What the contract's schema says of each field, as sentences; null when all is well.
function checkDetails(id: number, changes: DetailsChanges): Problems | null {
  const parsed = methodArgs.updateDocument.safeParse({ id, ...changes });
  if (parsed.success) return null;
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = field in labels ? (field as Field) : 'form';
    problems[key] ??= `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
  }
  return problems;
}
