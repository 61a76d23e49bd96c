// What the rest of the app may use of lib/mail; every import from outside comes through here.
export { sendEmail } from './send-email';
export { reportServerError } from './error-report';
export { requestDrain, stopDraining } from './scheduler';
export { drainOutbox, type DrainOptions, type DrainReport } from './drain';
export { closeMailTransport, createSmtpTransport, getMailTransport } from './transport';
export { mailboxAccess } from './mailbox-access';
