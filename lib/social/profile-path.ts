/** Where a user's profile lives; the name is escaped, as names may hold any letter. */
export function profilePath(username: string): string {
  return `/user/${encodeURIComponent(username)}`;
}
