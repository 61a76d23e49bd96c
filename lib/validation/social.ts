import * as z from 'zod/mini';

/** The profile forms' Follow and Unfollow buttons post the profile's username. */
export const followSchema = z.object({
  username: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
});
