import type { ComponentProps } from 'react';
import { Field } from '@/components/field';
import { useText } from '@/components/text-provider';

type BoundField = Omit<ComponentProps<typeof Field>, 'label' | 'type'>;

/** A new password, with its rules shown up front, and its repetition: the same pair on every form that sets one. */
export function NewPasswordFields({ label, password, repeat }: { label: string; password: BoundField; repeat: BoundField }) {
  const t = useText('fields');
  return (
    <>
      <Field label={label} type="password" autoComplete="new-password" required hint={t('passwordRules')} {...password} />
      <Field label={t('repeatPassword')} type="password" autoComplete="new-password" required {...repeat} />
    </>
  );
}
