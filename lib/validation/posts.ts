import * as z from 'zod/mini';
import type { FieldErrorKey } from '@/i18n/messages';
import { plainTextField, usernameField } from './fields';
import { POST_MAX } from './limits';

const postRequired: FieldErrorKey = 'postRequired';

export const postSchema = z.object({
  post: plainTextField({ tooLong: 'postTooLong', controlCharacters: 'postControlCharacters' }, POST_MAX).check(z.minLength(1, postRequired)),
});

export const editProfileSchema = z.object({
  username: usernameField,
  about_me: plainTextField({ tooLong: 'aboutMeTooLong', controlCharacters: 'aboutMeControlCharacters' }, POST_MAX),
});

/** `?page=N` as a positive page number; anything else (missing, 0, -3, "abc", 1e99) is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,6}$/.test(text)) return 1;
  return Math.max(1, Number(text));
}
