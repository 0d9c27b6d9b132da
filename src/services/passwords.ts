import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { AppError } from '../domain/errors.ts';

/** argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane): ~60 ms here. */
// Algorithm.Argon2id is a const enum, which isolated modules cannot read: its value is 2.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * The most guessed passwords (with the Vietnamese favourites): length and a digit do not make
 * them safe, and a lockout of 5 tries is no defence against a list this short.
 */
const COMMON = new Set(['12345678a', 'a12345678', 'abc12345', 'abcd1234', 'password1', 'password123', 'matkhau1', 'matkhau123', 'qwerty123', 'admin123', 'admin1234', 'iloveyou1', 'vietnam1', 'hanoi123', 'khcn2026', 'ubnd1234']);

/** Password rules for accounts created or changed in khcn. */
export function assertPasswordRules(password: string, username: string): void {
  const problems: string[] = [];
  if (password.length < 8) problems.push('ít nhất 8 ký tự');
  if (password.length > 200) problems.push('không quá 200 ký tự');
  if (!/\p{L}/u.test(password)) problems.push('có ít nhất một chữ cái');
  if (!/\d/.test(password)) problems.push('có ít nhất một chữ số');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('không chứa tên đăng nhập');
  if (COMMON.has(password.toLowerCase())) problems.push('không phải mật khẩu phổ biến, dễ đoán');
  if (problems.length) throw new AppError('PASSWORD_WEAK', `Mật khẩu phải ${problems.join(', ')}.`);
}
