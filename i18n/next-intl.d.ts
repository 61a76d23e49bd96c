import type { Locale } from './locales';
import type { Messages } from './messages';

// Types every t() key against English's messages, so a missing or misspelt key fails the typecheck.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
