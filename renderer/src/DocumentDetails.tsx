/// The open document's details (title, date, source, URL) as a small form. The contract's
/// own schema checks them before they are sent (so a foreseeable refusal is not a failed
/// request), the library checks them again; a refusal shows next to the field it names.
import { useState } from 'react';
import { methodArgs } from '../../common/api.ts';
import type { LibraryDocument } from '../../common/types.ts';
import { schemaProblems, useCheckedForm } from './useCheckedForm.tsx';

/// What the form saves, as updateDocument takes it (empty fields are cleared, the title is required).
export interface DetailsChanges {
  title: string;
  published: string | null;
  source: string | null;
  sourceUrl: string | null;
}

type Field = keyof DetailsChanges;

interface DocumentDetailsProps {
  document: LibraryDocument;
  onSave: (changes: DetailsChanges) => Promise<void>;
  onClose: () => void;
}

const labels: Record<Field, string> = { title: 'Title', published: 'Date', source: 'Source', sourceUrl: 'URL' };

export function DocumentDetails({ document, onSave, onClose }: DocumentDetailsProps) {
  const [values, setValues] = useState<Record<Field, string>>({
    title: document.title,
    published: document.published ?? '',
    source: document.source ?? '',
    sourceUrl: document.sourceUrl ?? '',
  });
  const { errors, saving, onSubmit, onKeyDown, field } = useCheckedForm(labels, 'details-field', onClose);

  const blankIsNull = (value: string) => (value.trim() === '' ? null : value.trim());
  const changes = { title: values.title, published: blankIsNull(values.published), source: blankIsNull(values.source), sourceUrl: blankIsNull(values.sourceUrl) };
  const submit = onSubmit(() => schemaProblems(methodArgs.updateDocument.safeParse({ id: document.id, ...changes }), labels), () => onSave(changes));

  const input = (name: Field, type: string, extra: Record<string, unknown> = {}) =>
    field(name, (props) => (
      <input {...props} type={type} value={values[name]} onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))} {...extra} />
    ));

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
