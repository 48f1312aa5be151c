import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { UsageError } from '../../rules/errors.js';
import { newKeyPair } from '../../generators/engine/sign.js';
import { m } from '../i18n.js';
import { say } from '../output.js';
import { EXIT } from '../run.js';

/** tthc keygen --out <prefix>: an Ed25519 key pair for tthc build --sign. Never overwrites a file. */
export async function keygenCommand(flags: { out: string }): Promise<number> {
  const t = m().keygen;
  const priv = `${flags.out}.private.pem`;
  const pub = `${flags.out}.public.pem`;
  for (const file of [priv, pub]) if (existsSync(file)) throw new UsageError(t.exists(file));
  const pair = newKeyPair();
  // 'wx' fails rather than overwrite a file created meanwhile; the private key is readable by its owner only.
  await writeFile(priv, pair.privatePem, { flag: 'wx', mode: 0o600 });
  try {
    await writeFile(pub, pair.publicPem, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    await rm(priv, { force: true });
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(t.exists(pub));
    throw error;
  }
  await say(t.written(priv, pub) + '\n');
  return EXIT.ok;
}
