import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileFor, startStaticServer, type StaticServer } from '../../cli/serve/server.js';
import { cleanupOutputs, makeOutputRoot } from '../helpers/output.js';

let root: string;
let server: StaticServer;

beforeAll(async () => {
  root = path.join(await makeOutputRoot(), 'site');
  await mkdir(path.join(root, 'procedures'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!DOCTYPE html><title>Trang chủ</title>');
  await writeFile(path.join(root, 'procedures', '1.001193.html'), 'khai sinh');
  await writeFile(path.join(root, 'meta.json'), '{}');
  server = await startStaticServer({ root, port: 0 });
});
afterAll(async () => {
  await server.close();
  await cleanupOutputs();
});

describe('tthc serve', () => {
  it('listens on localhost only, and serves files with their types', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await fetch(server.url);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toContain('Trang chủ');
    expect((await fetch(`${server.url}meta.json`)).headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await (await fetch(`${server.url}procedures/1.001193.html?q=x`)).text()).toBe('khai sinh');
    expect((await fetch(`${server.url}procedures`, { redirect: 'manual' })).headers.get('location')).toBe('/procedures/');
    expect((await fetch(`${server.url}nothing.html`)).status).toBe(404);
  });

  it('never serves a file outside its folder', async () => {
    expect(fileFor(root, '/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(fileFor(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(fileFor(root, '/a%00b')).toBeUndefined();
    expect(fileFor(root, '/%E0%A4%A')).toBeUndefined();
    expect((await fetch(`${server.url}%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});
