/// A field that holds a list of tags by name, as a query names them: each shown as a chip with
/// a button to take it out, and a text box that offers the codebook's tags (with their paths)
/// as the analyst types. Enter adds the tag typed or picked; Backspace in the empty box takes
/// the last one out.
import { useId, useState } from 'react';
import type { CodebookEntry } from '../codebook.ts';

interface TagListFieldProps {
  label: string;
  names: readonly string[];
  entries: readonly CodebookEntry[];
  onChange: (names: string[]) => void;
}

export function TagListField({ label, names, entries, onChange }: TagListFieldProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const colorOf = (name: string) => entries.find((e) => sameName(e.tag.name, name))?.tag.color;

  const entryNamed = (value: string) => entries.find((e) => sameName(e.tag.name, value.trim()) || sameName(e.path, value.trim()));
  const add = (entry: CodebookEntry) => {
    if (!names.some((name) => sameName(name, entry.tag.name))) onChange([...names, entry.tag.name]);
    setTyped('');
    setProblem(null);
  };

  return (
    <div className="tag-list-field">
      <label className="excerpt-query-label" htmlFor={`${id}-input`}>{label}</label>
      <ul className="tag-chips" aria-label={label}>
        {names.map((name) => (
          <li key={name} className="tag-chip">
            <span className="tag-swatch" style={{ backgroundColor: colorOf(name) ?? 'transparent' }} aria-hidden="true" />
            {name}
            <button type="button" className="tag-chip-remove" aria-label={`Take “${name}” out of ${label.toLowerCase()}`} onClick={() => onChange(names.filter((n) => n !== name))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${id}-input`}
        className="tag-list-input"
        list={`${id}-tags`}
        value={typed}
        placeholder="Type a tag, then Enter"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(event) => {
          setTyped(event.target.value);
          setProblem(null);
          // Picking from the offered tags replaces the text in one go (not typing): take the tag at once.
          const picked = (event.nativeEvent as Partial<InputEvent>).inputType;
          const entry = entryNamed(event.target.value);
          if (entry && (picked === 'insertReplacementText' || picked === undefined)) add(entry);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && typed.trim() !== '') {
            event.preventDefault();
            const entry = entryNamed(typed);
            if (entry) add(entry);
            else setProblem(`There is no tag called “${typed.trim()}”. Pick one of the tags offered as you type.`);
          } else if (event.key === 'Backspace' && typed === '' && names.length > 0) {
            event.preventDefault();
            onChange(names.slice(0, -1));
          }
        }}
      />
      <datalist id={`${id}-tags`}>
        {entries.map((entry) => (
          <option key={entry.tag.id} value={entry.tag.name}>{entry.path}</option>
        ))}
      </datalist>
      {problem && <p id={`${id}-problem`} className="field-error" role="alert">{problem}</p>}
    </div>
  );
}

function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}
