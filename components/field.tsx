import type { InputHTMLAttributes } from 'react';

type FieldProps = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
};

/** A labelled input whose error is tied to it, so screen readers read both together. */
export function Field({ name, label, error, type = 'text', ...input }: FieldProps) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  if (type === 'checkbox') {
    return (
      <div className="field field-checkbox">
        <input id={id} name={name} type="checkbox" {...input} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...input}
      />
      <p id={errorId} className="field-error" role="alert" hidden={!error}>
        {error}
      </p>
    </div>
  );
}
