import type en from '@/messages/en.json';

/** The shape of every language's messages: English's, which every other file must match key for key. */
export type Messages = typeof en;
export type Namespace = keyof Messages;

/** The namespaces client components read, each sent to the browser already formatted (see ClientText). */
export type ClientNamespace = 'fields' | 'forms' | 'fieldErrors' | 'errorPage';
export type ClientMessages = { [N in ClientNamespace]: { [K in keyof Messages[N]]: string } };

export type FieldErrorKey = keyof Messages['fieldErrors'];
