/** Export and import of the whole library as one JSON file (format: src/core/backup/). */
import { signal } from '@preact/signals';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  checkBackupSize,
  parseBackup,
  planItems,
  planSize,
  SECTION_NAMES,
  type Backup,
  type BackupSections,
  type ImportMode,
  type ItemPlan,
  type SectionName,
} from '../../core/backup';
import { announce } from '../tabs';
import { libraryChanged } from '../library';
import { reloadQueue } from '../queue';
import { refreshHistory } from '../history';
import { loadPlaybackSettings } from '../playback-settings';
import { backupProvider, backupProviders } from './providers';
import './register';

export async function buildBackup(now = Date.now()): Promise<Backup> {
  const sections: Partial<BackupSections> = {};
  for (const provider of backupProviders()) {
    (sections as Record<string, unknown>)[provider.section] = await provider.exportItems();
  }
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now, app: __APP_VERSION__, sections };
}

export function backupFileName(now = new Date()): string {
  return `hopcast-backup-${now.toISOString().slice(0, 10)}.json`;
}

/** The backup as a file, ready for a download link. */
export async function exportBackup(): Promise<{ blob: Blob; name: string; bytes: number }> {
  const text = JSON.stringify(await buildBackup());
  const blob = new Blob([text], { type: 'application/json' });
  return { blob, name: backupFileName(), bytes: blob.size };
}

/** Reads and validates a chosen file; throws BackupError with a sentence for the UI. */
export async function readBackupFile(file: Blob): Promise<Backup> {
  checkBackupSize(file.size);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new BackupError('The file could not be read.');
  }
  return parseBackup(text);
}

export interface SectionPreview {
  section: SectionName;
  noun: string;
  add: number;
  change: number;
  remove: number;
  keep: number;
  /** False when this version of Hopcast has no such section (the items are skipped). */
  supported: boolean;
  plan: ItemPlan<unknown> | null;
}

export interface ImportPreview {
  backup: Backup;
  mode: ImportMode;
  sections: SectionPreview[];
  total: number;
}

/** What an import would do, computed against the library as it is now; nothing is written. */
export async function previewImport(backup: Backup, mode: ImportMode): Promise<ImportPreview> {
  const sections: SectionPreview[] = [];
  for (const name of SECTION_NAMES) {
    const incoming = backup.sections[name] as unknown[] | undefined;
    if (!incoming) continue;
    const provider = backupProvider(name);
    if (!provider) {
      sections.push({ section: name, noun: name, add: 0, change: 0, remove: 0, keep: incoming.length, supported: false, plan: null });
      continue;
    }
    const local = (await provider.exportItems()) as unknown[];
    const keyOf = provider.keyOf.bind(provider) as (item: unknown) => string;
    const updatedAt = provider.updatedAt.bind(provider) as (item: unknown) => number;
    const plan = planItems(local, incoming, keyOf, updatedAt, mode === 'replace' && provider.removable ? 'replace' : 'merge');
    sections.push({ section: name, noun: provider.noun, add: plan.add.length, change: plan.change.length, remove: plan.remove.length, keep: plan.keep, supported: true, plan });
  }
  return { backup, mode, sections, total: sections.reduce((n, s) => n + (s.plan ? planSize(s.plan) : 0), 0) };
}

export const importing = signal(false);

/** Applies a preview's plans section by section (shows first), then every screen re-reads. */
export async function applyImport(preview: ImportPreview): Promise<void> {
  importing.value = true;
  try {
    for (const s of preview.sections) {
      const provider = backupProvider(s.section);
      if (provider && s.plan && planSize(s.plan) > 0) await provider.apply(s.plan as never);
    }
  } finally {
    importing.value = false;
    await Promise.all([libraryChanged(), reloadQueue(), refreshHistory(), loadPlaybackSettings()]).catch(() => undefined);
    announce({ type: 'library' });
    announce({ type: 'queue' });
  }
}
