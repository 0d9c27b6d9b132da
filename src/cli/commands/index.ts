import type { Command } from '../io.ts';

/**
 * Every `khcn` command, in the order `khcn help` lists them; one file per command, loaded only
 * when it runs. `khcn words` need not load the web server, the DOCX writer and the database
 * drivers: on a small office machine that is the difference between instant and seconds.
 */
export const commandLoaders: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./serve.ts')).serveCommand,
  check: async () => (await import('./check.ts')).checkCommand,
  import: async () => (await import('./import.ts')).importCommand,
  render: async () => (await import('./render.ts')).renderCommand,
  consolidate: async () => (await import('./consolidate.ts')).consolidateCommand,
  words: async () => (await import('./words.ts')).wordsCommand,
  migrate: async () => (await import('./db.ts')).migrateCommand,
  seed: async () => (await import('./db.ts')).seedCommand,
  'demo-data': async () => (await import('./demo-data.ts')).demoDataCommand,
  audit: async () => (await import('./audit.ts')).auditCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./restore.ts')).restoreCommand,
};

/** All commands, for `khcn help`. */
export const loadAllCommands = (): Promise<Command[]> => Promise.all(Object.values(commandLoaders).map((load) => load()));
