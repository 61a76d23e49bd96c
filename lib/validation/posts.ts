import * as z from 'zod/mini';
import { plainTextField, usernameField } from './fields';

export const POST_MAX = 140;

export const postSchema = z.object({
  post: plainTextField('A post', POST_MAX).check(z.minLength(1, 'Please write something first.')),
});

export const editProfileSchema = z.object({
  username: usernameField,
  about_me: plainTextField('About me', POST_MAX),
});

/** `?page=N` as a positive page number; anything else (missing, 0, -3, "abc", 1e99) is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,6}$/.test(text)) return 1;
  return Math.max(1, Number(text));
}
