/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit codes of DESIGN §7. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Command {
  name: string;
  /** One line, Vietnamese, for `khcn help`. */
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
