/** Vietnamese words: casing, folding for search, collation, lists ("a, b và c"), abbreviations of agency names. */

export function upperFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleUpperCase('vi') + text.slice(1);
}

export function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLocaleLowerCase('vi') + text.slice(1);
}

/**
 * Folds Vietnamese text for search and sorting: NFC, lower case, diacritics removed, đ → d.
 * "Đăng ký khai sinh" and "dang ky khai sinh" fold to the same key.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .normalize('NFC');
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/** Orders Vietnamese text the way a Vietnamese reader expects (Đ after D, tones secondary). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** "a", "a và b", "a, b và c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} và ${items[items.length - 1]}`;
}

/**
 * The abbreviation of an issuing body in a document's number symbol (ký hiệu): "Bộ Tư pháp" → BTP,
 * "Bộ Nông nghiệp và Môi trường" → BNNMT, a People's Committee → UBND. The initials of each word
 * but "và", without tone marks; Đ stays Đ, as official symbols write it (BGDĐT). Bodies with a
 * conventional abbreviation that is not their initials (NHNN) are for the drafter to correct.
 */
export function agencyAbbreviation(name: string): string {
  if (/^ủy ban nhân dân/i.test(name.normalize('NFC'))) return 'UBND';
  return name
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => w !== '' && w.toLowerCase() !== 'và' && /^\p{L}/u.test(w))
    .map((w) => {
      const first = w[0]!.toLocaleUpperCase('vi');
      return first === 'Đ' ? 'Đ' : first.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    })
    .join('');
}

/** Upper case as mastheads and titles write names: "BỘ TƯ PHÁP". */
export function upperVi(text: string): string {
  return text.toLocaleUpperCase('vi');
}
