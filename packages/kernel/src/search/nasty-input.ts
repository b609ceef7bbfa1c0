import fc from 'fast-check';

// Test inputs: any code point, lone surrogates, tsquery and SQL syntax, Chinese words and stop words.
const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom(...'&|!():*\\\'"<->-_.@#$%^~`[]{};,/?+= \t\n\r\0', '：', '，', '。', '“', '”', '　'),
  fc.constantFrom(...'奉化区社会保障道路坑洼破损不动产的了和在是'),
  fc.constantFrom(...'abcXYZ0129ＡＢ１'),
);

// A string a user might type, or an attacker might send.
export const nastyInput = fc.string({ unit, maxLength: 120 });
