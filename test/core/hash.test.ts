import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256Hex } from '../../src/core/hash';

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(1000000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('matches the published test vector for %#', (input, hex) => {
    expect(sha256Hex(input)).toBe(hex);
  });

  it('hashes UTF-8 bytes of Vietnamese text and of astral characters like node:crypto', () => {
    for (const s of ['Điểm tự đánh giá', 'Tài liệu kiểm chứng 386/KH-UBND', '😀 ở 55 byte padding boundary.......', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });

  it('agrees with node:crypto on random strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
    );
  });
});
