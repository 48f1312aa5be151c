/**
 * A small static file server for looking at the built site on this computer (`tthc serve`) and for
 * the browser tests. It listens on localhost only and sends no caching headers, so a rebuild shows
 * at once. What it guarantees on hostile input (issue 16, point 9):
 * - it serves regular files under its folder only: the real path (symlinks resolved) must stay
 *   inside the folder, and a FIFO, socket or device is never opened (the file is opened with
 *   O_NONBLOCK | O_NOFOLLOW and checked again on its descriptor, so a swap after the check is caught);
 * - a file that cannot be read, or is removed while it is served, gets a 500 or 404 page (or, once
 *   the headers are out, a cut connection), and the server keeps serving;
 * - redirects are paths on the same origin (`//evil.example/..` never leaves it);
 * - every answer carries a Content-Security-Policy, X-Frame-Options, Referrer-Policy and nosniff.
 * With `live` (`tthc serve --watch`) it also serves a server-sent-events stream and a small script
 * that listens to it and reloads the page after each rebuild, and adds that script, as a file of
 * the same origin (the policy's script-src 'self' allows it; nothing inline), to every HTML page it
 * sends. The built files are never changed: the tag is added to the answer only.
 */
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';

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

/**
 * The site's policy: its scripts and styles are its own files (it has no inline script or style;
 * JSON-LD and the JSON data blocks are not scripts), it fetches only its own JSON, its icon is a
 * data: URL, and no other site may frame it.
 */
const POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
];
/**
 * One policy for every page, with no 'unsafe-eval' anywhere: the form preview (a section of the
 * procedure page since issue 15) checks the form with docs-site/client/form-check.ts, which walks
 * the schema, instead of ajv, which compiled it to code and needed 'unsafe-eval' on its own pages.
 */
export const CONTENT_SECURITY_POLICY = POLICY.join('; ');

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

const PAGES = {
  400: ['Yêu cầu không hợp lệ', 'Địa chỉ này không đọc được.'],
  404: ['Không tìm thấy trang', 'Trang này không có trong trang đã xuất bản.'],
  405: ['Phương thức không được hỗ trợ', 'Máy chủ này chỉ trả lời yêu cầu GET và HEAD.'],
  500: ['Lỗi máy chủ', 'Không đọc được tệp này. Hãy thử lại, hoặc xuất bản lại trang.'],
} as const;

/** The Vietnamese page for an error status. */
export function errorPage(status: keyof typeof PAGES): string {
  const [title, text] = PAGES[status];
  return `<!DOCTYPE html>\n<html lang="vi">\n<head><meta charset="utf-8"><title>${title} (${status})</title></head>\n<body><h1>${title} (${status})</h1>\n<p>${text}</p>\n<p><a href="/index.html">Về trang chủ</a></p></body>\n</html>\n`;
}

/** Where the live-reload stream and script are served: no built file can be there (each segment of a built path starts with a letter or digit). */
export const LIVE_EVENTS = '/_tthc/events';
export const LIVE_SCRIPT = '/_tthc/reload.js';
/** The tag added before </body> of each HTML page in a live server's answers. */
export const LIVE_TAG = `<script src="${LIVE_SCRIPT}" defer></script>`;

const RELOAD_SCRIPT = `// tthc serve --watch: reloads this page after each rebuild (served only by tthc serve --watch).
(function () {
  var source = new EventSource(${JSON.stringify(LIVE_EVENTS)});
  source.addEventListener('reload', function () { location.reload(); });
})();
`;

/** The open pages of a live server: each listens on the events stream, and `reload` tells them all. */
export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private heartbeat: NodeJS.Timeout | undefined;

  /** How many pages are listening. */
  get listening(): number {
    return this.clients.size;
  }

  /** Tells every open page to reload, with the files that changed. */
  reload(files: readonly string[]): void {
    const data = `event: reload\ndata: ${JSON.stringify({ files })}\n\n`;
    for (const res of this.clients) res.write(data);
  }

  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { ...BASE_HEADERS, 'content-security-policy': CONTENT_SECURITY_POLICY, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
    // A lost connection is tried again after a second (the browser's EventSource does it).
    res.write('retry: 1000\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
    // A comment now and then keeps proxies and idle timers from closing the stream.
    this.heartbeat ??= setInterval(() => {
      for (const c of this.clients) c.write(': keep-alive\n\n');
    }, 30_000).unref();
  }

  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

/** An HTML page with the live-reload tag before its last </body> (or at its end). */
export function withLiveTag(html: Buffer): Buffer {
  const text = html.toString('utf8');
  const at = text.lastIndexOf('</body>');
  return Buffer.from(at < 0 ? text + LIVE_TAG : text.slice(0, at) + LIVE_TAG + text.slice(at), 'utf8');
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The decoded path of a request, one leading slash, `.` and `..` resolved; undefined when it cannot be read. */
function requestPath(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  return path.posix.normalize(`/${decoded}`);
}

/** Resolves a request path to a file under root, or undefined when it would leave root (before symlinks). */
export function fileFor(root: string, urlPath: string): string | undefined {
  const normal = requestPath(urlPath);
  if (normal === undefined) return undefined;
  const file = path.resolve(root, `.${normal}`);
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : file;
}

/** The same-origin path of a folder: one leading slash, each segment encoded, a trailing slash. */
export function folderLocation(root: string, folder: string, query: string): string {
  const rel = path.relative(root, folder).split(path.sep).filter(Boolean);
  return `/${rel.map((s) => encodeURIComponent(s)).join('/')}${rel.length > 0 ? '/' : ''}${query}`;
}

/** The real path of p when it stays under the real root, else undefined (also when it does not exist). */
async function inside(realRoot: string, p: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(p);
  } catch {
    return undefined;
  }
  return real === realRoot || real.startsWith(realRoot + path.sep) ? real : undefined;
}

export interface StaticServerOptions {
  root: string;
  port?: number;
  host?: string;
  /** Told, one line, about each file that could not be served (a 500). */
  log?: (line: string) => void;
  /** Live reload (tthc serve --watch): the events stream, the script, and the tag in every HTML page. */
  live?: LiveReload;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = path.resolve(options.root);
  const realRoot = await realpath(root);
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => {});


  function answer(req: IncomingMessage, res: ServerResponse, status: keyof typeof PAGES, extra: Record<string, string> = {}): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = errorPage(status);
    res.writeHead(status, { ...BASE_HEADERS, 'content-security-policy': CONTENT_SECURITY_POLICY, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), ...extra });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(req, res, 405, { allow: 'GET, HEAD' });
    const url = req.url ?? '/';
    const normal = requestPath(url);
    if (normal === undefined) return answer(req, res, 400);
    if (options.live && normal === LIVE_EVENTS) return options.live.attach(req, res);
    if (options.live && normal === LIVE_SCRIPT) {
      res.writeHead(200, { ...BASE_HEADERS, 'content-security-policy': CONTENT_SECURITY_POLICY, 'content-type': TYPES['.js']!, 'content-length': Buffer.byteLength(RELOAD_SCRIPT) });
      res.end(req.method === 'HEAD' ? undefined : RELOAD_SCRIPT);
      return;
    }
    let real = await inside(realRoot, path.join(realRoot, normal));
    if (real === undefined) return answer(req, res, 404);
    let handle;
    try {
      handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    } catch (error) {
      return failed(req, res, real, error);
    }
    try {
      let info = await handle.stat();
      if (info.isDirectory()) {
        await handle.close();
        handle = undefined;
        const pathname = url.split(/[?#]/)[0]!;
        if (!pathname.endsWith('/')) {
          const query = url.includes('?') ? url.slice(url.indexOf('?')).split('#')[0]! : '';
          res.writeHead(301, { ...BASE_HEADERS, 'content-security-policy': CONTENT_SECURITY_POLICY, location: folderLocation(realRoot, real, query), 'content-length': 0 }).end();
          return;
        }
        real = await inside(realRoot, path.join(real, 'index.html'));
        if (real === undefined) return answer(req, res, 404);
        try {
          handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
        } catch (error) {
          return failed(req, res, real, error);
        }
        info = await handle.stat();
      }
      // A FIFO, socket or device is never read (O_NONBLOCK kept a FIFO's open from waiting for a writer).
      if (!info.isFile()) return answer(req, res, 404);
      if (options.live && path.extname(real).toLowerCase() === '.html') {
        // Live: the page is read whole (a site page is tens of KB) and sent with the tag added.
        const body = withLiveTag(await handle.readFile());
        res.writeHead(200, { ...BASE_HEADERS, 'content-security-policy': CONTENT_SECURITY_POLICY, 'content-type': TYPES['.html']!, 'content-length': body.byteLength });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, {
        ...BASE_HEADERS,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'content-type': TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream',
        'content-length': info.size,
      });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      if (info.size === 0) {
        res.end();
        return;
      }
      // The stream owns the descriptor from here and closes it, on its end or on any error.
      const stream = handle.createReadStream({ start: 0, end: info.size - 1 });
      const file = real;
      handle = undefined;
      await new Promise<void>((resolve) => {
        pipeline(stream, res, (error) => {
          if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') log(`${file}: ${error.message}`);
          resolve();
        });
      });
    } finally {
      await handle?.close().catch(() => {});
    }
  }

  function failed(req: IncomingMessage, res: ServerResponse, file: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException).code;
    // Gone since the check (a build replaced it), or swapped for a symlink: not found.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return answer(req, res, 404);
    log(`${file}: ${(error as Error).message}`);
    answer(req, res, 500);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`${req.url ?? '/'}: ${error instanceof Error ? error.message : String(error)}`);
      answer(req, res, 500);
    });
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
    close: () =>
      new Promise<void>((resolve) => {
        options.live?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
