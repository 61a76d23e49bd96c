import { z } from 'zod';
import { usernameField } from './fields';

export const POST_MAX = 140;

export const postSchema = z.object({
  post: z
    .string()
    .trim()
    .min(1, 'Please write something first.')
    .max(POST_MAX, `A post is at most ${POST_MAX} characters.`),
});
export type PostInput = z.input<typeof postSchema>;

export const editProfileSchema = z.object({
  username: usernameField,
  about_me: z.string().trim().max(POST_MAX, `About me is at most ${POST_MAX} characters.`),
});
export type EditProfileInput = z.input<typeof editProfileSchema>;

/** `?page=N` as a positive page number; anything else (missing, 0, -3, "abc", 1e99) is page 1. */
export function pageNumber(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || !/^\d{1,6}$/.test(text)) return 1;
  return Math.max(1, Number(text));
}
