import type { ComponentProps } from 'react';
import { Field } from '@/components/field';
import { PASSWORD_RULES } from '@/lib/validation/fields';

type BoundField = Omit<ComponentProps<typeof Field>, 'label' | 'type'>;

/** A new password, with its rules shown up front, and its repetition: the same pair on every form that sets one. */
export function NewPasswordFields({ label, password, repeat }: { label: string; password: BoundField; repeat: BoundField }) {
  return (
    <>
      <Field label={label} type="password" autoComplete="new-password" required hint={PASSWORD_RULES} {...password} />
      <Field label="Repeat Password" type="password" autoComplete="new-password" required {...repeat} />
    </>
  );
}
