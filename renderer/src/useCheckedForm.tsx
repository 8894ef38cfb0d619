/// A form whose fields the contract's schema checks before anything is sent (so a
/// foreseeable refusal is not a failed request) and the library checks again: a refusal
/// shows under the field it names (or under the form), the first such field takes the focus,
/// and Escape cancels. The tag entry form and the document details form are built on it.
import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { asExcerptError } from '../../common/client.ts';

/// What is wrong, by field ('form' for what names no field), as sentences.
export type Problems<F extends string> = Partial<Record<F | 'form', string>>;

/// What a control needs to be tied to its label and its error.
export interface FieldProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/// A schema's verdict (zod's safeParse) as problems by field; null when all is well.
export function schemaProblems<F extends string>(
  parsed: { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } },
  labels: Record<F, string>,
): Problems<F> | null {
  if (parsed.success) return null;
  const problems: Problems<F> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    const key = field in labels ? (field as F) : 'form';
    problems[key] ??= `${issue.message.charAt(0).toUpperCase()}${issue.message.slice(1)}.`;
  }
  return problems;
}

/// `fieldClass` names each field's box, and with `-name` added each field's own.
export function useCheckedForm<F extends string>(labels: Record<F, string>, fieldClass: string, onCancel: () => void) {
  const id = useId();
  const [errors, setErrors] = useState<Problems<F>>({});
  const [saving, setSaving] = useState(false);

  const refuse = (problems: Problems<F>) => {
    setErrors(problems);
    setSaving(false);
    const first = (Object.keys(labels) as F[]).find((field) => problems[field]);
    if (first) document.getElementById(`${id}-${first}`)?.focus();
  };

  /// The form's submit handler: saves unless `check` finds problems; a refusal of the save
  /// lands on the field it names.
  const onSubmit = (check: () => Problems<F> | null, save: () => Promise<void>) => async (event: FormEvent) => {
    event.preventDefault();
    const foreseen = check();
    if (foreseen) return refuse(foreseen);
    setSaving(true);
    setErrors({});
    try {
      await save();
    } catch (error) {
      const refusal = asExcerptError(error);
      refuse({ [refusal.field && refusal.field in labels ? refusal.field : 'form']: refusal.message } as Problems<F>);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  /// A field: its label, the control (given the props tying it to its error) and its error.
  const field = (name: F, control: (props: FieldProps) => ReactNode) => (
    <div className={`${fieldClass} ${fieldClass}-${name}`}>
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

  return { errors, saving, onSubmit, onKeyDown, field };
}
