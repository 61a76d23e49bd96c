import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react';

type Labelled = { name: string; label: string; error?: string };
type AriaProps = { 'aria-invalid'?: true; 'aria-describedby'?: string };

/** A label, a control and its error, tied together so screen readers read them as one. */
function FieldFrame({ name, label, error, control }: Labelled & { control: (aria: { id: string } & AriaProps) => ReactNode }) {
  const id = `field-${name}`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      <p id={errorId} className="field-error" role="alert" hidden={!error}>
        {error}
      </p>
    </div>
  );
}

/** A labelled input (or a checkbox beside its label). */
export function Field({ name, label, error, type = 'text', ...input }: InputHTMLAttributes<HTMLInputElement> & Labelled) {
  if (type === 'checkbox') {
    const id = `field-${name}`;
    return (
      <div className="field field-checkbox">
        <input id={id} name={name} type="checkbox" {...input} />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  return <FieldFrame name={name} label={label} error={error} control={(aria) => <input name={name} type={type} {...aria} {...input} />} />;
}

/** A labelled textarea, for free text such as a post. */
export function TextAreaField({ name, label, error, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & Labelled) {
  return <FieldFrame name={name} label={label} error={error} control={(aria) => <textarea name={name} {...aria} {...textarea} />} />;
}
