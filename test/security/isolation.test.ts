import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, isCommuneRole, type Role } from '../../src/services/actor.ts';
import { buildApp } from '../../src/server/app.ts';
import { freshDatabase, testDatabases, type TestDb } from '../helpers/databases.ts';
import { signIn, type Client } from './api-client.ts';
import { ENTITY_BY_PARAM, ENTITY_BY_SEGMENT, EXPECTATIONS, SUB_PARAMS, type CaseInput, type RouteExpectation, type Who } from './route-expectations.ts';
import { buildWorld, type Province, type World } from './world.ts';

// PDF routes: the scope is checked before LibreOffice runs; conversion is tested elsewhere, and
// without it the matrix stays fast (a PDF takes seconds).
process.env.KHCN_SOFFICE = '/nonexistent/khcn-test-soffice';

/**
 * The isolation matrix: every API route the app registers × every role (and anonymous) × every
 * target (own unit, another unit of the same province, another province, an id that does not
 * exist), from both provinces. Asserts the status and that no response ever carries an id of
 * something the actor may not see.
 */
const databases = await testDatabases();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
type Target = 'own' | 'sameProvince' | 'otherProvince' | 'missing' | 'none';
const WHO: readonly Who[] = [...ROLES, 'anonymous'];
const randomIp = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

interface RouteKey { method: string; url: string; key: string }

describe.each(databases)('isolation matrix on %s', (kind) => {
  let t: TestDb;
  let app: FastifyInstance;
  let world: World;
  const routes: RouteKey[] = [];
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await freshDatabase(kind);
    world = await buildWorld(t.store);
    app = await buildApp({
      store: t.store,
      demo: true,
      onRoute: (r) => {
        if (!r.url.startsWith('/api/') || r.url.startsWith('/api/docs')) return;
        for (const method of [r.method].flat()) if (method !== 'HEAD') routes.push({ method, url: r.url, key: `${method} ${r.url}` });
      },
    });
    await app.ready();
    for (const p of ['hp', 'p2'] as const) {
      for (const role of ROLES) clients.set(`${p}/${role}`, await signIn(app, world[p].users[role], world.password[p]));
    }
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.cleanup();
  });

  it('has an expectation for every registered API route, and none for a route that is gone', () => {
    const registered = new Set(routes.map((r) => r.key));
    expect(routes.length).toBeGreaterThan(15);
    expect([...registered].filter((k) => !(k in EXPECTATIONS)), 'routes without an isolation expectation (add them to test/security/route-expectations.ts)').toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((k) => !registered.has(k)), 'expectations for routes that no longer exist').toEqual([]);
  });

  /** The id a target names, for the entity a path parameter stands for. */
  function idFor(entity: 'report' | 'cycle' | 'unit', target: Target, own: Province, other: Province, alongside: boolean): string | undefined {
    if (target === 'missing') return randomUUID();
    // One cycle per province: "another unit of the same province" exists for a cycle only
    // alongside a unit parameter (the cycle stays the own one, the unit is the other).
    if (entity === 'cycle') return target === 'own' ? own.cycleId : target === 'otherProvince' ? other.cycleId : alongside ? own.cycleId : undefined;
    const pick = (p: Province['own']) => (entity === 'report' ? p.reportId : p.unitId);
    return target === 'own' ? pick(own.own) : target === 'sameProvince' ? pick(own.other) : pick(other.own);
  }

  /** Ids of everything the actor must never see. */
  function forbiddenIds(who: Who, own: Province, other: Province): string[] {
    const all = (p: Province) => [p.id, p.cycleId, p.own.reportId, p.own.unitId, p.other.reportId, p.other.unitId];
    if (who === 'anonymous') return [...all(own), ...all(other)];
    return isCommuneRole(who) ? [own.other.reportId, own.other.unitId, ...all(other)] : all(other);
  }

  function visible(who: Role, target: Target): boolean {
    if (target === 'none' || target === 'own') return true;
    return target === 'sameProvince' && !isCommuneRole(who);
  }

  async function send(client: Client | undefined, route: RouteKey, url: string, spec: RouteExpectation, input: CaseInput): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(spec.headers?.(input) ?? {}) };
    if (client) {
      headers.cookie = client.cookie ?? '';
      if (route.method !== 'GET') headers['x-csrf-token'] = client.csrf ?? '';
    }
    const options: InjectOptions = { method: route.method as InjectOptions['method'], url: spec.query ? `${url}?${spec.query}` : url, headers, remoteAddress: randomIp() };
    if (spec.upload) {
      const boundary = '----khcn-matrix';
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
      options.payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${spec.upload.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        spec.upload.content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    } else if (spec.body) {
      options.payload = spec.body(input) as InjectOptions['payload'];
    }
    return app.inject(options);
  }

  it('answers every route × role × target as expected and never shows another unit’s data', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const route of routes) {
      const spec = EXPECTATIONS[route.key];
      if (!spec) continue; // reported by the test above
      const segments = route.url.split('/');
      const params = segments.map((s, i) => (s.startsWith(':') ? { i, name: s.slice(1) } : undefined)).filter((x) => x !== undefined);
      const entityParams = params.filter((p) => !(p.name in SUB_PARAMS));
      const targets: Target[] = entityParams.length ? ['own', 'sameProvince', 'otherProvince', 'missing'] : ['none'];
      for (const p of ['hp', 'p2'] as const) {
        const own = world[p];
        const other = world[p === 'hp' ? 'p2' : 'hp'];
        for (const who of WHO) {
          for (const target of targets) {
            const parts = [...segments];
            let reportId: string | undefined;
            let skip = false;
            for (const param of params) {
              if (param.name in SUB_PARAMS) {
                parts[param.i] = SUB_PARAMS[param.name]!;
                continue;
              }
              const entity = ENTITY_BY_PARAM[param.name] ?? ENTITY_BY_SEGMENT[segments[param.i - 1] ?? ''];
              if (!entity) throw new Error(`${route.key}: tham số :${param.name} chưa biết trỏ tới thực thể nào — thêm vào ENTITY_BY_PARAM, ENTITY_BY_SEGMENT hoặc SUB_PARAMS`);
              const id = idFor(entity, target, own, other, entityParams.length > 1);
              if (!id) skip = true;
              else {
                parts[param.i] = id;
                if (entity === 'report') reportId = id;
              }
            }
            if (skip) continue;
            const url = parts.join('/');
            // A missing id still gets a valid body (the own report's), so the answer is about scope, not validation.
            const row = (await t.store.db.selectFrom('reports').select(['body', 'version']).where('id', '=', reportId ?? '').executeTakeFirst())
              ?? (await t.store.db.selectFrom('reports').select(['body', 'version']).where('id', '=', own.own.reportId).executeTakeFirstOrThrow());
            const input: CaseInput = { target: row, ownUnitId: own.own.unitId };
            let client: Client | undefined;
            if (who !== 'anonymous') client = spec.freshSession ? await signIn(app, own.users[who], world.password[p]) : clients.get(`${p}/${who}`);
            const expected = who === 'anonymous' ? spec.anonymous ?? [401] : visible(who, target) ? spec.visible[who] : spec.hidden?.[who] ?? [404];
            const res = await send(client, route, url, spec, input);
            cases++;
            const label = `${route.key} as ${p}/${who} on ${target}: ${res.statusCode}`;
            if (!expected.includes(res.statusCode)) failures.push(`${label}, expected ${expected.join('|')} — ${res.body.slice(0, 160)}`);
            const text = res.rawPayload.toString('latin1') + res.body;
            const leaked = forbiddenIds(who, own, other).filter((id) => text.includes(id) && !url.includes(id));
            if (leaked.length) failures.push(`${label} leaks ${leaked.join(', ')}`);
            if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
              const code = (res.json() as { error?: { code?: unknown } }).error?.code;
              if (typeof code !== 'string') failures.push(`${label} has no error code`);
            }
            if (reportId && target !== 'missing' && route.method !== 'GET' && !visible(who === 'anonymous' ? 'commune_officer' : who, target)) {
              const after = await t.store.db.selectFrom('reports').select('version').where('id', '=', reportId).executeTakeFirstOrThrow();
              if (after.version !== row.version) failures.push(`${label} changed a report it may not see`);
            }
            if (!visible(who === 'anonymous' ? 'commune_officer' : who, target) && res.statusCode === 404 && url.includes(own.own.reportId) === false) {
              // Hidden and missing answer alike, so a 404 tells nothing about existence.
              const code = (res.json() as { error?: { code?: unknown } }).error?.code;
              if (code !== 'NOT_FOUND') failures.push(`${label} answers ${String(code)} instead of NOT_FOUND`);
            }
          }
        }
      }
    }
    console.log(`[isolation ${kind}] ${routes.length} routes × ${WHO.length} roles × targets × 2 provinces = ${cases} cases, ${failures.length} failures`);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(300);
  }, 120_000);

  it('puts only random UUIDs in URLs: no sequential ids to guess', async () => {
    for (const table of ['provinces', 'units', 'users', 'cycles', 'reports'] as const) {
      const ids = await t.store.db.selectFrom(table).select('id').execute();
      expect(ids.length).toBeGreaterThan(0);
      for (const { id } of ids) expect(id, `${table}.id`).toMatch(UUID);
    }
    for (const route of routes) {
      for (const param of route.url.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1))) {
        // A position (a version number) only ever follows the id of its entity, never stands alone.
        if (param in SUB_PARAMS) expect(route.url.split('/').filter((s) => s.startsWith(':')).length, route.key).toBeGreaterThan(1);
      }
    }
    const officer = clients.get('hp/commune_officer')!;
    const list = (await officer.request({ method: 'GET', url: '/api/reports' })).json() as { items: { id: string; unit: { id: string }; cycle: { id: string } }[] };
    for (const item of list.items) for (const id of [item.id, item.unit.id, item.cycle.id]) expect(id).toMatch(UUID);
  });
});
