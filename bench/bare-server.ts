// The baseline for GET /api/reports/:id: the same framework, one route, the same JSON from memory.
import Fastify from 'fastify';
import { readFileSync } from 'node:fs';

const body = readFileSync(process.argv[2]!, 'utf8');
const app = Fastify({ logger: false });
app.get('/api/reports/:id', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(`bare ${address}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
