/**
 * Reading a backup file: size first, then JSON with dangerous keys refused, then the envelope,
 * then migration from older versions, then every section against its schema. Throws BackupError
 * with a sentence the UI shows as is; nothing is returned unless the whole file is valid.
 */
import { BACKUP_FORMAT, BACKUP_VERSION, BackupError, MAX_BACKUP_BYTES, SECTION_NAMES, type Backup, type BackupSections } from './format';
import { obj, str, time } from './check';
import { migrate } from './migrate';
import { readSection } from './sections';

/** Keys that would rewrite prototypes if any later code merged the object naively. */
const POISON = new Set(['__proto__', 'constructor', 'prototype']);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (POISON.has(key)) throw new BackupError(`The file contains the forbidden key "${key}"; it is not a Hopcast backup.`);
      return value;
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError('The file is not valid JSON, so it is not a Hopcast backup (it may be damaged or cut short).');
  }
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Call with the file's size before reading it, so a huge file is refused without loading it. */
export function checkBackupSize(bytes: number): void {
  if (bytes > MAX_BACKUP_BYTES) {
    throw new BackupError(`The file is ${megabytes(bytes)}; a Hopcast backup is at most ${megabytes(MAX_BACKUP_BYTES)}. Is it the right file?`);
  }
  if (bytes === 0) throw new BackupError('The file is empty.');
}

export function parseBackup(text: string): Backup {
  // UTF-16 length ≤ bytes·1 for ASCII-heavy JSON; a rough but safe upper bound before parsing.
  checkBackupSize(text.length);
  const root = obj(parseJson(text), 'The file');
  if (root.format !== BACKUP_FORMAT) throw new BackupError('This is not a Hopcast backup (its "format" field is missing or different).');
  if (typeof root.version !== 'number' || !Number.isInteger(root.version) || root.version < 1) {
    throw new BackupError('The backup has no valid version number.');
  }
  if (root.version > BACKUP_VERSION) {
    throw new BackupError(`This backup was made by a newer Hopcast (backup version ${root.version}; this app reads up to ${BACKUP_VERSION}). Update Hopcast and try again.`);
  }
  const current = migrate(root);
  const rawSections = obj(current.sections, 'sections');
  const sections: Partial<BackupSections> = {};
  for (const name of SECTION_NAMES) {
    if (rawSections[name] === undefined) continue;
    // Each assignment goes through its own schema; the cast only joins the per-key types.
    (sections as Record<string, unknown>)[name] = readSection(name, rawSections[name]);
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: time(current.exportedAt, 'exportedAt'),
    app: current.app === undefined ? 'unknown' : str(current.app, 'app', 50),
    sections,
  };
}
