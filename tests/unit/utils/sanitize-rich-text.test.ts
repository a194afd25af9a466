import { sanitizeRichText } from '../../../src/utils/sanitize-rich-text';

describe('sanitizeRichText keeps what government documents use', () => {
  it.each([
    ['first-line indent', '<p style="text-indent:2em">第一条 为了规范……</p>', '<p style="text-indent:2em">第一条 为了规范……</p>'],
    ['merged table cells', '<table><tr><td colspan="2" rowspan="3">合计</td></tr></table>', '<table><tr><td colspan="2" rowspan="3">合计</td></tr></table>'],
    ['images with Chinese alt text', '<img src="https://www.taiyuan.gov.cn/a.png" alt="政策图解">', '<img src="https://www.taiyuan.gov.cn/a.png" alt="政策图解" />'],
    ['attachment links', '<a href="/uploads/fj.pdf" download="附件1.pdf">附件1</a>', '<a href="/uploads/fj.pdf" download="附件1.pdf">附件1</a>'],
    ['Markdown text', '## 第一章 总则\n\n**第一条** 为了……', '## 第一章 总则\n\n**第一条** 为了……'],
  ])('%s', (_case, input, output) => {
    expect(sanitizeRichText(input)).toBe(output);
  });
});

describe('sanitizeRichText removes attack vectors', () => {
  it.each([
    ['script tags', '<p>a</p><script>alert(1)</script>', '<p>a</p>'],
    ['event handlers', '<img src="https://x/a.png" onerror="alert(1)">', '<img src="https://x/a.png" />'],
    ['javascript: links', '<a href="javascript:alert(1)">x</a>', '<a>x</a>'],
    ['data: images', '<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
    ['protocol-relative URLs', '<a href="//evil.example/">x</a>', '<a>x</a>'],
    ['iframes', '<iframe src="https://evil.example"></iframe>', ''],
    ['style with expressions', '<p style="color:red;background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
    ['svg', '<svg onload="alert(1)"><circle/></svg>', ''],
  ])('%s', (_case, input, output) => {
    expect(sanitizeRichText(input)).toBe(output);
  });

  it('makes new-tab links unable to reach back', () => {
    expect(sanitizeRichText('<a href="https://www.gov.cn" target="_blank">中国政府网</a>')).toBe(
      '<a href="https://www.gov.cn" target="_blank" rel="noopener noreferrer">中国政府网</a>',
    );
  });
});
