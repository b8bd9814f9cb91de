import { httpsLink, isHttpsLink } from './paper-links';

describe('a paper’s link must be an https: address', () => {
  it('accepts https links to where the file is kept, as the URL parser reads them', () => {
    expect(httpsLink('https://trust.sharepoint.com/sites/si/Papers/heads-report.docx')).toBe(
      'https://trust.sharepoint.com/sites/si/Papers/heads-report.docx',
    );
    expect(httpsLink('  HTTPS://Trust.SharePoint.com/papers ')).toBe('https://trust.sharepoint.com/papers');
  });

  it.each([
    'javascript:alert(document.cookie)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://trust.example.org/papers/report.docx',
    'ftp://trust.example.org/report.docx',
    'file:///C:/papers/report.docx',
    'vbscript:msgbox(1)',
    '//trust.example.org/report.docx',
    'trust.sharepoint.com/papers',
    'https://',
    '',
  ])('refuses %j', (link) => {
    expect(isHttpsLink(link)).toBe(false);
  });
});
