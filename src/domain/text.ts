/**
 * Search key that ignores case and Vietnamese diacritics: "Kiến Thụy" → "kien thuy".
 * Stored beside names so both databases can search with a plain LIKE.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs in the text, ignoring diacritics and case. */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = searchKey(text);
  return searchKey(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

const collator = new Intl.Collator('vi');

/** Vietnamese alphabetical order (a ă â b c d đ …; tones after letters): "Hải An" < "Hòa Bình" < "Hưng Đạo". */
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);
