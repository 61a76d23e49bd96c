// No zod here: forms import these numbers up front, and the schemas load only when a field is first used.
const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;
const USERNAME_MAX = 64;
const EMAIL_MAX = 254;
export const POST_MAX = 140;

/** The numbers field messages quote, filled in wherever a message is put into words. */
export const FIELD_LIMITS = { passwordMin: PASSWORD_MIN, passwordMax: PASSWORD_MAX, usernameMax: USERNAME_MAX, emailMax: EMAIL_MAX, postMax: POST_MAX };
