import { expect, type Page } from '@playwright/test';

export async function post(page: Page, body: string): Promise<void> {
  if (new URL(page.url()).pathname !== '/') await page.goto('/');
  await page.getByLabel('Say something').fill(body);
  await page.getByRole('button', { name: 'Submit' }).click();
  await expect(page.getByText('Your post is now live!')).toBeVisible();
}

export async function openProfile(page: Page, username: string): Promise<void> {
  await page.goto(`/user/${encodeURIComponent(username)}`);
  await expect(page.getByRole('heading', { name: `User: ${username}` })).toBeVisible();
}

export const timeline = (page: Page) => page.locator('ol.posts > li');
