import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { startStaticServer } from '../serve/server.js';
import { m } from '../i18n.js';
import { note, say } from '../output.js';
import { EXIT } from '../run.js';

export interface ServeFlags {
  port?: string;
}

/** tthc serve: serves the built site on localhost until interrupted. */
export async function serveCommand(dir: string, flags: ServeFlags): Promise<number> {
  const port = flags.port === undefined ? 8080 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(m().serve.badPort(String(flags.port)));
  // `tthc serve build` serves the site inside a build output.
  let root = path.resolve(dir);
  const site = path.join(root, 'site');
  if (await isDirectory(site)) root = site;
  if (!(await isDirectory(root))) throw new UsageError(m().serve.notFolder(dir));
  let server;
  try {
    server = await startStaticServer({ root, port, log: note });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(m().serve.inUse(port));
    throw error;
  }
  await say(m().serve.serving(path.relative(process.cwd(), root) || '.', server.url) + '\n');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  return EXIT.ok;
}

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
