/**
 * Tiny typed readers for untrusted JSON: each returns a fresh value built from known fields only
 * (never the input object itself, so no unexpected key survives) or throws a BackupError naming
 * the exact place, e.g. `playState[3].position must be a number`.
 */
import { parseUrl } from '../feed/platform';
import { BackupError, MAX_ITEMS_PER_SECTION, MAX_STRING, type SettingValue } from './format';

export type Obj = Record<string, unknown>;

export function fail(path: string, what: string): never {
  throw new BackupError(`${path} ${what}.`);
}

export function obj(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Obj;
}

export function list(value: unknown, path: string, max = MAX_ITEMS_PER_SECTION): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  if (value.length > max) fail(path, `has ${value.length} items, more than the ${max} allowed`);
  return value;
}

export function str(value: unknown, path: string, max = MAX_STRING): string {
  if (typeof value !== 'string') fail(path, 'must be text');
  if (value.length > max) fail(path, `is longer than ${max} characters`);
  return value;
}

export function nonEmpty(value: unknown, path: string, max = MAX_STRING): string {
  const s = str(value, path, max);
  if (s.trim() === '') fail(path, 'must not be empty');
  return s;
}

export function num(value: unknown, path: string, min = -Number.MAX_VALUE, max = Number.MAX_VALUE): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(path, 'must be a number');
  if (value < min || value > max) fail(path, `must be between ${min} and ${max}`);
  return value;
}

/** Epoch ms: 0 … year 3000. */
export function time(value: unknown, path: string): number {
  return num(value, path, 0, 32_503_680_000_000);
}

export function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, 'must be true or false');
  return value;
}

export function orNull<T>(value: unknown, path: string, read: (v: unknown, p: string) => T): T | null {
  return value === null || value === undefined ? null : read(value, path);
}

/** An http(s) address, as a feed URL must be. */
export function httpUrl(value: unknown, path: string): string {
  const s = nonEmpty(value, path, 2048);
  const url = parseUrl(s);
  if (!url) fail(path, 'must be a web address');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail(path, 'must be an http or https address');
  return s;
}

/** A small JSON value (settings): depth and size bounded so a setting cannot smuggle in a library. */
export function settingValue(value: unknown, path: string, depth = 0): SettingValue {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return num(value, path);
  if (typeof value === 'string') return str(value, path);
  if (depth >= 4) fail(path, 'is nested too deeply');
  if (Array.isArray(value)) return list(value, path, 1000).map((v, i) => settingValue(v, `${path}[${i}]`, depth + 1));
  const o = obj(value, path);
  const keys = Object.keys(o);
  if (keys.length > 1000) fail(path, 'has too many keys');
  const out: { [key: string]: SettingValue } = Object.create(null) as { [key: string]: SettingValue };
  for (const k of keys) out[k] = settingValue(o[k], `${path}.${k}`, depth + 1);
  return { ...out };
}
