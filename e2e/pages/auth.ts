import { expect, type Page } from '@playwright/test';
import type { TestUser } from '../fixtures';

/** Opens the sign-up form, fills it and sends it, whatever the server will make of it. */
export async function submitRegistration(page: Page, user: TestUser): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByLabel('Repeat Password').fill(user.password);
  await page.getByRole('button', { name: 'Register' }).click();
}

export async function register(page: Page, user: TestUser): Promise<void> {
  await submitRegistration(page, user);
  await expect(page.getByText('Congratulations, you are now a registered user!')).toBeVisible();
}

export async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign In' }).click();
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await fillSignIn(page, username, password);
  await expect(page.getByRole('heading', { name: `Hi, ${username}!` })).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logout' }).click();
  await expect(page.getByRole('heading', { name: 'Sign In' })).toBeVisible();
}

export async function requestReset(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Request Password Reset' }).click();
  await expect(page).toHaveURL(/\/forgot-password\/sent$/);
  await expect(page.getByText('Check your email for the instructions to reset your password')).toBeVisible();
}

export async function chooseNewPassword(page: Page, password: string, repeat = password): Promise<void> {
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Repeat Password').fill(repeat);
  await page.getByRole('button', { name: 'Reset Password' }).click();
}
