import { AppError } from '../../domain/errors.ts';
import { amountInWords } from '../../domain/words.ts';
import { EXIT, type Command } from '../io.ts';

export const wordsCommand: Command = {
  name: 'words',
  summary: 'Đọc số tiền (đồng) thành chữ',
  usage: 'words AMOUNT',
  async run(args, io) {
    const [amount, ...extra] = args;
    if (!amount || extra.length > 0) throw new AppError('BAD_USAGE', 'Cách dùng: khcn words AMOUNT (số tiền nguyên đồng, ví dụ 8212000000).');
    io.out(amountInWords(amount));
    return EXIT.ok;
  },
};
