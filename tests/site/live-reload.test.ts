import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, LIVE_TAG, LiveReload, startStaticServer, type StaticServer } from '../../cli/serve/server.js';
import { cleanupOutputs, makeOutputRoot } from '../helpers/output.js';

let root: string;
let live: LiveReload;
let server: StaticServer;
let plain: StaticServer;
const PAGE = '<!DOCTYPE html><html><body><h1>Trang chủ</h1></body></html>';

beforeAll(async () => {
  root = path.join(await makeOutputRoot(), 'site');
  await mkdir(root, { recursive: true });
  await writeFile(path.join(root, 'index.html'), PAGE);
  await writeFile(path.join(root, 'data.json'), '{"a":1}');
  live = new LiveReload();
  server = await startStaticServer({ root, port: 0, live });
  plain = await startStaticServer({ root, port: 0 });
});
afterAll(async () => {
  await server.close();
  await plain.close();
  await cleanupOutputs();
});

/** Reads an event stream until `part` has come, or fails after the timeout. */
async function readUntil(body: ReadableStream<Uint8Array>, part: string, timeoutMs = 30_000): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (!text.includes(part)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before "${part}"; got:\n${text}`);
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    await reader.cancel().catch(() => {});
  }
  return text;
}

describe('tthc serve --watch (live reload)', () => {
  it('adds the reload script to HTML answers only, as a same-origin file under the usual policy, and never to the built file', async () => {
    const res = await fetch(server.url);
    const html = await res.text();
    expect(html).toBe(PAGE.replace('</body>', `${LIVE_TAG}</body>`));
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(html));
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(await readFile(path.join(root, 'index.html'), 'utf8')).toBe(PAGE);
    expect(await (await fetch(`${server.url}data.json`)).text()).toBe('{"a":1}');
    const script = await fetch(`${server.url}_tthc/reload.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toContain("new EventSource(\"/_tthc/events\")");
    // A server without --watch adds nothing and has no such files.
    expect(await (await fetch(plain.url)).text()).toBe(PAGE);
    expect((await fetch(`${plain.url}_tthc/reload.js`)).status).toBe(404);
    expect((await fetch(`${plain.url}_tthc/events`)).status).toBe(404);
  });

  it('sends a reload event to every open page', async () => {
    const a = await fetch(`${server.url}_tthc/events`);
    const b = await fetch(`${server.url}_tthc/events`);
    expect(a.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(a.headers.get('x-frame-options')).toBe('DENY');
    const deadline = Date.now() + 30_000;
    while (live.listening < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(live.listening).toBe(2);
    live.reload(['procedures/1.000656/v2.json']);
    for (const res of [a, b]) {
      const text = await readUntil(res.body!, 'event: reload\ndata: {"files":["procedures/1.000656/v2.json"]}\n\n');
      expect(text.startsWith('retry: 1000\n\n')).toBe(true);
    }
  });
});
