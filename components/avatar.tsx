'use client';
import { useState } from 'react';

/**
 * The Gravatar identicon for an email's MD5, falling back to the user's initial
 * when the image cannot load (offline, blocked, or no network as in CI).
 */
export function Avatar({ hash, username, size }: { hash: string; username: string; size: number }) {
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <span className="avatar avatar-fallback" style={{ width: size, height: size, fontSize: size / 2 }} aria-hidden="true">
        {username.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a remote identicon with a fallback; next/image would proxy it through our server
    <img
      className="avatar"
      src={`https://www.gravatar.com/avatar/${hash}?d=identicon&s=${size * 2}`}
      width={size}
      height={size}
      alt=""
      onError={() => setFailed(true)}
    />
  );
}
