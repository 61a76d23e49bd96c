/** The reader's time zone is unknown to the server, so times are given in UTC and say so. */
export const formatUtc = (date: Date) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(date) + ' UTC';
