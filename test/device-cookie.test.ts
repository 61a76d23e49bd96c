import { describe, expect, it } from 'vitest';
import { trustedDeviceId } from '@/lib/auth/device-cookie';
import { createHmac } from 'node:crypto';

const sign = (deviceId: string, username: string, key = process.env.SECRET_KEY ?? '') =>
  `${deviceId}.${createHmac('sha256', key).update(`device\0${deviceId}\0${username.toLowerCase()}`).digest('base64url')}`;

describe('the device cookie', () => {
  it('names its device for the account it was issued for, whatever the case of the name', () => {
    expect(trustedDeviceId(sign('abc', 'Susan'), 'SUSAN')).toBe('abc');
  });

  it.each([
    ['another account', sign('abc', 'mallory')],
    ['another key', sign('abc', 'susan', 'some-other-secret-key-0123456789abcdef')],
    ['a changed device id', sign('abc', 'susan').replace(/^abc/, 'abd')],
    ['no signature', 'abc'],
    ['nothing', undefined],
  ])('is not trusted when made for %s', (_name, value) => {
    expect(trustedDeviceId(value, 'susan')).toBeNull();
  });
});
