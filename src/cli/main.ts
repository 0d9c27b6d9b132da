import { isAppError } from '../domain/errors.ts';
import { commandLoaders, loadAllCommands } from './commands/index.ts';
import { EXIT, processIo, type CliIo } from './io.ts';

async function help(io: CliIo): Promise<void> {
  io.out('khcn — kế hoạch, dự toán và báo cáo KH,CN,ĐMST&CĐS\n\nCách dùng: khcn <lệnh> [tùy chọn]\n');
  for (const c of await loadAllCommands()) io.out(`  ${c.usage.padEnd(64)} ${c.summary}`);
}

/** Runs one command and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help(io);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(commandLoaders, name) ? commandLoaders[name] : undefined;
  if (!load) {
    io.err(`Lỗi [UNKNOWN_COMMAND]: không có lệnh "${name}". Gõ "khcn help" để xem danh sách lệnh.`);
    return EXIT.usage;
  }
  const command = await load();
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (isAppError(e)) {
      io.err(`Lỗi [${e.code}]: ${e.message}`);
      return EXIT.usage;
    }
    if (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`Lỗi [BAD_USAGE]: ${e.message}\nCách dùng: khcn ${command.usage}`);
      return EXIT.usage;
    }
    io.err(`Lỗi [INTERNAL]: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.usage;
  }
}
