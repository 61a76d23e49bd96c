// What the rest of the app may use of lib/mail; every import from outside comes through here.
export { sendEmail, type EmailMessage } from './send-email';
export { reportServerError, type ErrorContext, type ServerError } from './error-report';
export { requestDrain, stopDraining } from './scheduler';
export { drainOutbox, retryDelayMs, type DrainOptions, type DrainReport } from './drain';
export { closeMailTransport, createSmtpTransport, getMailTransport, type MailTransport } from './transport';
export { mailboxAccess, type MailboxAccess } from './mailbox-access';
