'use client';
import { useState, useSyncExternalStore, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useText } from './text-provider';

type Labelled = { name: string; label: string; error?: string; hint?: string };
type AriaProps = { 'aria-invalid'?: true; 'aria-describedby'?: string };

const subscribe = () => () => undefined;
/** False on the server and in a page without JavaScript: controls that need a script are not drawn there. */
const useHasScript = () => useSyncExternalStore(subscribe, () => true, () => false);

/** A label, a control, a hint and its error, tied together so screen readers read them as one. */
function FieldFrame({ name, label, error, hint, control, after }: Labelled & { control: (aria: { id: string } & AriaProps) => ReactNode; after?: ReactNode }) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <div className="field-control">
        {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
        {after}
      </div>
      <p id={errorId} className="field-error" role="alert" hidden={!error}>
        {error}
      </p>
    </div>
  );
}

/** A password input with a "Show" button beside it, drawn once a script can work it. */
function PasswordField({ name, label, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  const hasScript = useHasScript();
  const t = useText('fields');
  const [shown, setShown] = useState(false);
  const toggle = hasScript ? (
    <button type="button" className="reveal" aria-pressed={shown} aria-controls={`field-${name}`} onClick={() => setShown(!shown)}>
      {shown ? t('hide') : t('show')}
      <span className="visually-hidden"> {label}</span>
    </button>
  ) : null;
  return <FieldFrame name={name} label={label} error={error} hint={hint} after={toggle} control={(aria) => <input name={name} type={shown ? 'text' : 'password'} {...aria} {...input} />} />;
}

/** A labelled input (or a checkbox beside its label). */
export function Field({ name, label, error, hint, type = 'text', ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  if (type === 'checkbox') {
    const id = `field-${name}`;
    return (
      <div className="field field-checkbox">
        <input id={id} name={name} type="checkbox" {...input} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  if (type === 'password') return <PasswordField name={name} label={label} error={error} hint={hint} {...input} />;
  return <FieldFrame name={name} label={label} error={error} hint={hint} control={(aria) => <input name={name} type={type} {...aria} {...input} />} />;
}

/** A labelled textarea, for free text such as a post; `counter` shows "n / max" as the user types. */
export function TextAreaField({
  name,
  label,
  error,
  hint,
  counter,
  ...textarea
}: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled & { counter?: { max: number } }) {
  const hasScript = useHasScript();
  const [length, setLength] = useState(String(textarea.defaultValue ?? '').length);
  const shown = counter && hasScript ? (
    <p className="field-counter" aria-live="polite" data-over={length > counter.max || undefined}>
      {length} / {counter.max}
    </p>
  ) : null;
  return (
    <FieldFrame
      name={name}
      label={label}
      error={error}
      hint={hint}
      after={shown}
      control={(aria) => (
        <textarea
          name={name}
          {...aria}
          {...textarea}
          onChange={(event) => {
            setLength([...event.target.value].length);
            textarea.onChange?.(event);
          }}
        />
      )}
    />
  );
}
