import fc from 'fast-check';
import { checkLink, findLinks, isSafeHttpUrl } from '../../src/core/links';
import { evidenceLikeText } from './evidenceArbitraries';

describe('findLinks', () => {
  test.each([
    ['Kế hoạch 386/KH-UBND, https://vbdh.backan.gov.vn/vb/386.pdf', ['https://vbdh.backan.gov.vn/vb/386.pdf']],
    ['Xem tại https://backan.gov.vn/tin-tuc.' , ['https://backan.gov.vn/tin-tuc']],
    ['(chi tiết: https://drive.google.com/file/d/abc/view)', ['https://drive.google.com/file/d/abc/view']],
    ['https://vi.wikipedia.org/wiki/Bắc_Kạn_(tỉnh))', ['https://vi.wikipedia.org/wiki/Bắc_Kạn_(tỉnh)']],
    ['https://a.gov.vn/x;https://b.gov.vn/y', ['https://a.gov.vn/x', 'https://b.gov.vn/y']],
    ['đăng tại www.backan.gov.vn và HTTP://SNV.BACKAN.GOV.VN', ['www.backan.gov.vn', 'HTTP://SNV.BACKAN.GOV.VN']],
    ['javascript:alert(1)', ['javascript:alert(1)']],
    ['data:text/html,<b>x</b> và file:///C:/TLKC/ke-hoach.pdf', ['data:text/html', 'file:///C:/TLKC/ke-hoach.pdf']],
    ['ftp://files.backan.gov.vn/a.pdf', ['ftp://files.backan.gov.vn/a.pdf']],
    ['http:/backan.gov.vn', ['http:/backan.gov.vn']],
    // Prose that only looks like a scheme is no link.
    ['Tệp file: báo cáo năm; data: số liệu thống kê', []],
    ['Kế hoạch số 386/KH-UBND ngày 07/6/2024', []],
  ])('%p', (text, links) => {
    expect(findLinks(text)).toEqual(links);
  });
});

describe('checkLink', () => {
  test.each([
    'https://vbdh.backan.gov.vn/vb/386.pdf',
    'http://backan.gov.vn',
    'https://drive.google.com/file/d/1AbC/view?usp=sharing',
    'https://sởnộivụ.vn/a',
    'https://backan.gov.vn./x',
  ])('%p is fine', (url) => {
    expect(checkLink(url)).toEqual({ ok: true });
    expect(isSafeHttpUrl(url)).toBe(true);
  });

  test.each([
    ['javascript:alert(1)', 'javascript:'],
    ['JavaScript:alert(1)', 'javascript:'],
    ['data:text/html,<script>x</script>', 'data:'],
    ['file:///C:/TLKC/ke-hoach.pdf', 'trên một máy tính'],
    ['ftp://files.backan.gov.vn/a.pdf', 'ftp:'],
    ['mailto:vanthu@backan.gov.vn', 'mailto:'],
    ['www.backan.gov.vn', 'https://'],
    ['https://backan.gov.vn/ke hoach.pdf', 'dấu cách'],
    ['http:/backan.gov.vn', '//'],
    ['https://user:matkhau@backan.gov.vn/a', 'mật khẩu'],
    ['http://localhost:3000/a.pdf', 'localhost'],
    ['http://127.0.0.1/a.pdf', 'localhost'],
    ['https://intranet/a.pdf', 'tên miền'],
    ['https://abc..gov.vn/a', 'tên miền'],
    ['https://backan.gov.123/a', 'không đọc được'],
    ['https://', 'https:'],
    ['https://evil.example\\@backan.gov.vn/', 'dấu \\'],
    ['http://0.0.0.0/a.pdf', 'không phải địa chỉ của một trang web'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://tailieu.localhost/a.pdf', 'localhost'],
    ['http://2130706433/a.pdf', 'localhost'],
    ['http://[fe80::1]/a.pdf', 'không phải địa chỉ'],
    ['https://b\u0430ckan.gov.vn/x', 'trộn chữ'],
    ['D:\\CCHC 2024\\ke-hoach.pdf', 'ghi số, ký hiệu văn bản hoặc một đường dẫn chia sẻ'],
    ['\\\\server\\share\\bao-cao.docx', 'ghi số, ký hiệu văn bản hoặc một đường dẫn chia sẻ'],
    ['file:///C:/Windows/System32/calc.exe', 'ghi số, ký hiệu văn bản'],
    ['', 'trống'],
  ])('%p is rejected (%s)', (url, reasonPart) => {
    const r = checkLink(url);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.vi).toContain(reasonPart);
      expect(r.reason.en.length).toBeGreaterThan(0);
    }
    expect(isSafeHttpUrl(url)).toBe(false);
  });

  test.each(['https://10.20.30.40/qlvb/386', 'http://192.168.1.5/vb', 'https://172.20.0.1/x'])('%p is a private address: accepted, with a note', (url) => {
    const r = checkLink(url);
    expect(r).toEqual({ ok: true, privateHost: new URL(url).hostname });
  });

  test('local paths are found in evidence text, spaces and all', () => {
    expect(findLinks('Kế hoạch tại D:\\CCHC 2024\\Ke hoach 15.pdf; bản chụp \\\\may-chu\\chia se\\bc.docx, xem thêm')).toEqual([
      'D:\\CCHC 2024\\Ke hoach 15.pdf',
      '\\\\may-chu\\chia se\\bc.docx',
    ]);
  });

  test('property: never throws; an accepted link is http(s) without credentials', () => {
    fc.assert(
      fc.property(evidenceLikeText, (s) => {
        if (checkLink(s).ok) {
          const u = new URL(s);
          expect(['http:', 'https:']).toContain(u.protocol);
          expect(u.username + u.password).toBe('');
        }
      }),
    );
  });

  test('property: generated web addresses are accepted, their javascript: twins are not', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(
      fc.property(fc.constantFrom('http', 'https'), fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('vn', 'gov.vn', 'com'), fc.stringMatching(/^(\/[a-z0-9._-]*)*$/), (scheme, labels, tld, path) => {
        const url = `${scheme}://${labels.join('.')}.${tld}${path}`;
        expect(checkLink(url)).toEqual({ ok: true });
        expect(isSafeHttpUrl(`javascript:${url}`)).toBe(false);
      }),
    );
  });
});
