import 'server-only';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';
import type { Locale } from './locales';
import type { Messages } from './messages';

/** Every language's messages, for the server: pages get the request's, emails their recipient's. */
export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };
