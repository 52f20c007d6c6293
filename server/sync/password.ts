import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords as scrypt hashes (memory-hard, in node:crypto, so no native add-on). The cost is stored in
 * each hash (`scrypt$<log2 N>$<r>$<p>$<salt>$<key>`), so raising it later keeps old hashes verifiable.
 * N=2^15, r=8 uses 32 MiB and ~0.1 s per hash: slow for a guesser, fine for one login.
 */
const LOG_N = 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 2 * 128 * 2 ** logN * r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, LOG_N, R, P);
  return ['scrypt', LOG_N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [logN, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const expected = Buffer.from(parts[5], 'base64');
  const key = await derive(password, Buffer.from(parts[4], 'base64'), logN, r, p);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Verifying against this when the user does not exist costs the same time, so timing does not reveal names. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString('base64'));
  return decoy;
}

export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Why a name or password cannot be used, in words, or null when it can. */
export function accountProblem(name: string, password: string): string | null {
  if (!USER_NAME.test(name)) return 'User names are 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit';
  if (Array.from(password).length < 8) return 'The password must have at least 8 characters';
  if (Array.from(password).length > 1024) return 'The password must have at most 1024 characters';
  return null;
}
