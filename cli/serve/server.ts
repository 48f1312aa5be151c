/**
 * A small static file server for looking at the built site on this computer (`tthc serve`) and for
 * the browser tests. It listens on localhost only, serves files under one folder (never outside it),
 * answers index.html for a folder, and sends no caching headers, so a rebuild shows at once.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Resolves a request path to a file under root, or undefined when it would leave root. */
export function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : file;
}

export async function startStaticServer(options: { root: string; port?: number; host?: string }): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? '127.0.0.1';
  const server: Server = createServer((req, res) => {
    void (async () => {
      let file = fileFor(root, req.url ?? '/');
      if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(file ? 405 : 400, { 'content-type': 'text/plain; charset=utf-8' }).end(file ? 'Method not allowed\n' : 'Bad request\n');
        return;
      }
      try {
        let info = await stat(file);
        if (info.isDirectory()) {
          if (!(req.url ?? '/').split('?')[0]!.endsWith('/')) {
            res.writeHead(301, { location: `${(req.url ?? '/').split('?')[0]}/` }).end();
            return;
          }
          file = path.join(file, 'index.html');
          info = await stat(file);
        }
        res.writeHead(200, { 'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'content-length': info.size, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
        if (req.method === 'HEAD') res.end();
        else createReadStream(file).pipe(res);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Không tìm thấy trang (404)\n');
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  return {
    url: `http://${host === '::1' ? '[::1]' : host}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
