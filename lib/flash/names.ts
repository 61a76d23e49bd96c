/** Set by an action before it redirects; the proxy hands it to the next page and deletes it. */
export const FLASH_COOKIE = 'flash';
/** How the proxy passes the message on to the page it shows up on. */
export const FLASH_HEADER = 'x-microblog-flash';
