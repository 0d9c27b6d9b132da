import { z } from 'zod';
import { Report } from './report-schema.ts';

/** JSON Schema (draft 2020-12) of the report exchange format, as accepted on input. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Report, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://khcn.local/schema/report.schema.json',
    title: 'Báo cáo KH,CN,ĐMST&CĐS cấp xã (khcn report)',
  };
}
