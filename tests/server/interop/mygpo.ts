/**
 * Runs Debian's python3-mygpoclient 1.9 (the library gPodder uses) through mygpo_driver.py, as a
 * child process, against a Hopcast sync server on 127.0.0.1. Shared by the server interop test and
 * the e2e chain with the app in Chromium. `.ci/run` installs the package when missing.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** Debian's python, not a pyenv shim on PATH that lacks the Debian package. */
export const PYTHON = '/usr/bin/python3';
const DRIVER = path.join(import.meta.dirname, 'mygpo_driver.py');
export const run = promisify(execFile);

function findMygpo(): string | null {
  if (!existsSync(PYTHON)) return `${PYTHON} not found`;
  try {
    execFileSync(PYTHON, ['-c', 'import mygpoclient'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'python3-mygpoclient is not installed (apt-get install -y python3-mygpoclient; .ci/run does it)';
  }
}

/** Why mygpoclient cannot run here, or null when it can. */
export const MYGPO_MISSING = findMygpo();

/** An episode action as mygpoclient's `EpisodeAction.to_dictionary()` gives it. */
export interface MygpoAction {
  podcast: string;
  episode: string;
  action: string;
  device?: string;
  timestamp?: string;
  started?: number;
  position?: number;
  total?: number;
}

/**
 * One driver run (see mygpo_driver.py for the commands): `root` is the server root (the library
 * adds /api/2), and what the library returned comes back as JSON.
 */
export async function mygpo(root: string, user: string, password: string, device: string, ...args: string[]): Promise<Record<string, unknown>> {
  try {
    const { stdout } = await run(PYTHON, [DRIVER, root, user, password, device, ...args], { timeout: 60_000 });
    return JSON.parse(stdout) as Record<string, unknown>;
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    throw new Error(`mygpoclient failed: ${e.stderr || e.message}`);
  }
}
