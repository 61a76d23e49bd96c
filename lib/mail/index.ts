export { sendEmail, type EmailMessage } from './send-email';
