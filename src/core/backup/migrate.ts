/**
 * Older backup versions brought up to the current shape, one step per version, so any backup
 * Hopcast ever wrote imports. Version 1 is the first; a future version 2 adds
 * `if (version < 2) raw = fromV1(raw)` here and keeps every earlier step.
 *
 * Sections are optional in every version: a backup from before a section existed simply lacks it.
 */
import type { Obj } from './check';

export function migrate(raw: Obj): Obj {
  const version = raw.version as number;
  let current = raw;
  if (version < 1) current = { ...current, version: 1 };
  return current;
}
