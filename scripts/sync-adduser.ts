/**
 * `npm run --silent sync:adduser -- [--reset] <name>`: creates a sync account (or, with --reset, gives
 * it a new password and ends its sessions) in the database the server would use (DATABASE_URL or
 * HOPCAST_DATA_DIR). The password comes from stdin, never from the command line, where `ps` and
 * the shell history would show it; on a terminal it is typed without echo.
 */
import path from 'node:path';
import { readSyncSettings } from '../server/sync/config';
import { openDatabase } from '../server/sync/db/open';
import { accountProblem } from '../server/sync/password';
import { createUser, resetPassword } from '../server/sync/store/users';

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write('Password: ');
  stdin.setRawMode(true);
  stdin.resume();
  return new Promise((resolve, reject) => {
    let typed = '';
    const onData = (data: Buffer) => {
      for (const ch of data.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const reset = args.includes('--reset');
  const names = args.filter((a) => a !== '--reset');
  if (names.length !== 1) {
    console.error('Usage: npm run --silent sync:adduser -- [--reset] <name>   (password on stdin)');
    return 2;
  }
  const name = names[0];
  const password = await readPassword();
  const problem = accountProblem(name, password);
  if (problem) {
    console.error(problem);
    return 1;
  }
  const db = await openDatabase(readSyncSettings(process.env, path.resolve(import.meta.dirname, '..')));
  try {
    if (reset) {
      if (!(await resetPassword(db, name, password))) {
        console.error(`There is no user ${name}`);
        return 1;
      }
      console.log(`New password set for ${name}; their sessions have ended`);
    } else {
      if (!(await createUser(db, name, password))) {
        console.error(`The user ${name} exists already (--reset gives it a new password)`);
        return 1;
      }
      console.log(`Created sync user ${name}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
