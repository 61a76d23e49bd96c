'use server';
import { notFound, redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { deleteAllEmails } from '@/lib/db/outbox';

export async function clearMailbox(): Promise<void> {
  if (!getConfig().devMailbox) notFound();
  await deleteAllEmails();
  redirect('/dev/mail');
}
