// Writes schema/report.schema.json from the zod model (run: npm run schema).
// A test fails when the committed file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { reportJsonSchema } from '../src/domain/json-schema.ts';

writeFileSync('schema/report.schema.json', `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
console.log('schema/report.schema.json written');
