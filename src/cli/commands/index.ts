import type { Command } from '../io.ts';
import { auditCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { checkCommand } from './check.ts';
import { consolidateCommand } from './consolidate.ts';
import { demoDataCommand } from './demo-data.ts';
import { importCommand } from './import.ts';
import { migrateCommand, seedCommand } from './db.ts';
import { renderCommand } from './render.ts';
import { restoreCommand } from './restore.ts';
import { serveCommand } from './serve.ts';
import { wordsCommand } from './words.ts';

/** Every `khcn` command, in the order `khcn help` lists them. One file per command. */
export const commands: Command[] = [serveCommand, checkCommand, importCommand, renderCommand, consolidateCommand, wordsCommand, migrateCommand, seedCommand, demoDataCommand, auditCommand, backupCommand, restoreCommand];
