import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../rules/errors.js';
import { startStaticServer } from '../../generators/site/server.js';
import { EXIT, out } from '../run.js';

export interface ServeFlags {
  port?: string;
}

/** tthc serve: serves the built site on localhost until interrupted. */
export async function serveCommand(dir: string, flags: ServeFlags): Promise<number> {
  const port = flags.port === undefined ? 8080 : Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${flags.port}".`);
  // `tthc serve build` serves the site inside a build output.
  let root = path.resolve(dir);
  const site = path.join(root, 'site');
  if (await isDirectory(site)) root = site;
  if (!(await isDirectory(root))) throw new UsageError(`${dir} is not a folder. Build the site first (npm start, or tthc build --out build), then run tthc serve build/site.`);
  let server;
  try {
    server = await startStaticServer({ root, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Port ${port} is already in use: choose another with --port.`);
    throw error;
  }
  await out(`Serving ${path.relative(process.cwd(), root) || '.'} at ${server.url}index.html (localhost only). Press Ctrl+C to stop.\n`);
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
