import request from 'supertest';
import { startStrapi, type TestInstance } from '../harness/strapi';
import { createApiToken, createOrganization } from '../harness/fixtures';
import { createDocumentDraft, publishDocument } from '../harness/documents';

const UID = 'api::policy-interpretation.policy-interpretation';
let app: TestInstance;
let token: string;
const orgs = {} as Record<'city' | 'education', { id: number; documentId: string }>;

beforeAll(async () => {
  app = await startStrapi();
  // These tests are about interpretations themselves; the ratios only report.
  app.strapi.config.set('plugin::publishing-ratios.enforcement', 'off');
  token = await createApiToken(app.strapi, 'full-access');
  orgs.city = await createOrganization(app.strapi, { name: '太原市人民政府', kind: 'people_government' });
  orgs.education = await createOrganization(app.strapi, { name: '太原市教育局', parent: orgs.city.documentId });
});

afterAll(async () => {
  await app.stop();
});

const bearer = () => ({ Authorization: `Bearer ${token}` });
const reference = async (uid: string, code: string) => (await app.strapi.db.query(uid).findOne({ where: { code } })).documentId as string;
const form = (code: string) => reference('api::interpretation-form.interpretation-form', code);
const channel = (code: string) => reference('api::channel.channel', code);

async function post(data: Record<string, unknown>, publish = true) {
  return request(app.server)
    .post(`/api/policy-interpretations${publish ? '' : '?status=draft'}`)
    .set(bearer())
    .send({ data: { title: '《太原市义务教育招生办法》政策解读', organization: orgs.education.documentId, form: await form('text'), ...data } });
}

describe('reference data', () => {
  it('seeds the channels and forms, readable by the public, with plain text the only form that is not diverse', async () => {
    const channels = await request(app.server).get('/api/channels?sort=sortOrder');
    expect(channels.body.data.map((c: { name: string; isGovernmentWebsite: boolean }) => [c.name, c.isGovernmentWebsite])).toEqual([
      ['政府网站', true],
      ['政务微信', false],
      ['政务微博', false],
      ['新闻发布会', false],
      ['广播电视', false],
      ['报刊杂志', false],
      ['新闻网站', false],
      ['政务客户端/新媒体', false],
    ]);
    const forms = await request(app.server).get('/api/interpretation-forms?sort=sortOrder&pagination[pageSize]=50');
    expect(forms.body.data.filter((f: { countsAsDiverse: boolean }) => !f.countsAsDiverse).map((f: { name: string }) => f.name)).toEqual(['文字解读']);
    expect(forms.body.data).toHaveLength(11);
  });
});

describe('the publish gate', () => {
  it('refuses to publish before a source document is published, naming it, and publishes nothing', async () => {
    const draft = await createDocumentDraft(app.strapi, { issuingOrganization: orgs.education.documentId, title: '太原市义务教育招生办法', documentNumber: '并教发〔2026〕3号' });
    const res = await post({ sourceDocuments: [draft.documentId] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({
      path: ['sourceDocuments'],
      message: 'sourceDocuments cannot be published before its source document is: 《太原市义务教育招生办法》（并教发〔2026〕3号） not published',
    });
    expect(await app.strapi.db.query(UID).count({ where: { title: '《太原市义务教育招生办法》政策解读' } })).toBe(0);

    const none = await post({ title: '没有原文件的解读' });
    expect(none.status).toBe(400);
    expect(none.body.error.details.errors[0].path).toEqual(['sourceDocuments']);
  });

  it('publishes with a published source document, and each links to the other', async () => {
    const document = await publishDocument(app.strapi, { issuingOrganization: orgs.education.documentId, publishedOn: '2026-03-02', adoptedOn: '2026-02-25', effectiveFrom: '2026-03-02' });
    const res = await post({ sourceDocuments: [document], publishedOn: '2026-03-02', interpreter: '市教育局局长 张三' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ lagWorkingDays: 0, timely: true, publicationWarnings: null, interpreter: '市教育局局长 张三' });

    const doc = await request(app.server).get(`/api/normative-documents/${document}`);
    expect(doc.body.data.interpretations).toEqual([
      expect.objectContaining({ documentId: res.body.data.documentId, title: '《太原市义务教育招生办法》政策解读', timely: true, form: expect.objectContaining({ name: '文字解读' }) }),
    ]);
    const byDocument = await request(app.server).get(`/api/policy-interpretations?document=${document}`);
    expect(byDocument.body.data.map((row: { documentId: string }) => row.documentId)).toEqual([res.body.data.documentId]);
  });

  it('publishes an interpretation by an organization that issued none of its documents, with a warning', async () => {
    const document = await publishDocument(app.strapi, { issuingOrganization: orgs.city.documentId });
    const res = await post({ sourceDocuments: [document] });
    expect(res.status).toBe(201);
    expect(res.body.data.publicationWarnings).toEqual([
      { code: 'INTERPRETATION_NOT_BY_ISSUER', message: '解读机构不是所解读文件的发文机关或联合发文机关（谁起草、谁解读）' },
    ]);
  });
});

describe('timeliness in working days', () => {
  // Published on the Friday before the 2026 Spring Festival (2-15 to 2-23 off, 2-14 and 2-28 worked).
  let document: string;
  beforeAll(async () => {
    document = await publishDocument(app.strapi, { issuingOrganization: orgs.education.documentId, adoptedOn: '2026-02-10', publishedOn: '2026-02-13', effectiveFrom: '2026-03-01' });
  });

  it.each([
    ['the same day', '2026-02-13', 0, true],
    ['on the 调休 Saturday', '2026-02-14', 1, true],
    ['the day after the festival', '2026-02-24', 2, true],
    ['three working days later', '2026-02-25', 3, true],
    ['four working days later', '2026-02-26', 4, false],
  ])('counts %s', async (_label, publishedOn, lag, timely) => {
    const res = await post({ sourceDocuments: [document], publishedOn });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ lagWorkingDays: lag, timely });
  });
});

describe('channel publications', () => {
  it('can be added after publication, and count as beyond the website from then on', async () => {
    const document = await publishDocument(app.strapi, { issuingOrganization: orgs.education.documentId, adoptedOn: '2026-04-01', publishedOn: '2026-04-03', effectiveFrom: '2026-04-03' });
    const created = await post({
      sourceDocuments: [document],
      form: await form('infographic'),
      publishedOn: '2026-04-03',
      channelPublications: [{ channel: await channel('website'), url: 'https://www.taiyuan.gov.cn/zcjd/1.html', publishedOn: '2026-04-03' }],
    });
    expect(created.body.data).toMatchObject({ diverseForm: true, beyondWebsite: false });
    const id = created.body.data.documentId;

    const stored = await request(app.server).get(`/api/policy-interpretations/${id}`);
    const repost = await request(app.server)
      .put(`/api/policy-interpretations/${id}`)
      .set(bearer())
      .send({
        data: {
          channelPublications: [
            // The whole list is sent again: the ids read from the published version are not the draft's.
            ...stored.body.data.channelPublications.map((entry: { url: string; publishedOn: string; channel: { documentId: string } }) => ({
              channel: entry.channel.documentId,
              url: entry.url,
              publishedOn: entry.publishedOn,
            })),
            { channel: await channel('wechat'), url: 'https://mp.weixin.qq.com/s/abc', publishedOn: '2026-04-04', note: '次日转发' },
          ],
        },
      });
    expect(repost.status).toBe(200);
    const after = await request(app.server).get(`/api/policy-interpretations/${id}`);
    expect(after.body.data).toMatchObject({ beyondWebsite: true, publishedOn: '2026-04-03' });
    expect(after.body.data.channelPublications.map((entry: { channel: { name: string } }) => entry.channel.name)).toEqual(['政府网站', '政务微信']);
  });
});

describe('bad input', () => {
  let document: string;
  beforeAll(async () => {
    document = await publishDocument(app.strapi, { issuingOrganization: orgs.education.documentId, adoptedOn: '2026-05-06', publishedOn: '2026-05-08', effectiveFrom: '2026-05-08' });
  });

  it.each([
    ['an unknown source document', () => ({ sourceDocuments: ['nosuchdocument'] }), ['sourceDocuments'], 'sourceDocuments does not exist: nosuchdocument'],
    ['an unknown form', () => ({ form: 'nosuchform' }), ['form'], 'form does not exist'],
    ['an unknown channel', async () => ({ channelPublications: [{ channel: 'nosuchchannel', publishedOn: '2026-05-08' }] }), ['channelPublications', '0', 'channel'], 'channelPublications.0.channel does not exist'],
    [
      'a channel publication dated before the source document',
      async () => ({ channelPublications: [{ channel: await channel('weibo'), publishedOn: '2026-05-07' }] }),
      ['channelPublications', '0', 'publishedOn'],
      "channelPublications.0.publishedOn must not be before the source document's publication on 2026-05-08",
    ],
    ['an interpretation dated before the source document', () => ({ publishedOn: '2026-05-01' }), ['publishedOn'], "publishedOn must not be before the source document's publication on 2026-05-08"],
    ['a derived field', () => ({ timely: true }), ['timely'], 'timely is kept by the system from the form, the channels and the dates'],
  ])('refuses %s, naming the field and writing nothing', async (_label, extra, path, message) => {
    const before = await app.strapi.db.query(UID).count();
    const res = await post({ sourceDocuments: [document], title: '错误输入的解读', ...(await extra()) });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path, message });
    expect(await app.strapi.db.query(UID).count()).toBe(before);
  });

  it('refuses a malformed channel URL, naming it', async () => {
    const res = await post({ sourceDocuments: [document], channelPublications: [{ channel: await channel('weibo'), publishedOn: '2026-05-08', url: 'weibo.com/abc' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['channelPublications', '0', 'url']);
  });
});

describe('holiday notices entered in the admin', () => {
  const notices = () => app.strapi.db.query('api::calendar-notice.calendar-notice');

  it('count working days with the notice entered for a year, in place of the bundled one', async () => {
    // Friday 2026-06-12 to Tuesday 2026-06-16: two working days, unless the Monday is declared off.
    const document = await publishDocument(app.strapi, { issuingOrganization: orgs.education.documentId, adoptedOn: '2026-06-10', publishedOn: '2026-06-12', effectiveFrom: '2026-07-01' });
    expect((await post({ sourceDocuments: [document], publishedOn: '2026-06-16' })).body.data.lagWorkingDays).toBe(2);

    const created = await request(app.server)
      .post('/api/calendar-notices')
      .set(bearer())
      .send({ data: { year: 2026, notice: '测试通知〔2026〕1号', holidays: '2026-01-01~2026-01-03\n2026-06-15', workdays: '' } });
    expect(created.status).toBe(201);
    try {
      expect((await post({ sourceDocuments: [document], publishedOn: '2026-06-16' })).body.data.lagWorkingDays).toBe(1);
    } finally {
      await request(app.server).delete(`/api/calendar-notices/${created.body.data.documentId}`).set(bearer());
    }
    expect((await post({ sourceDocuments: [document], publishedOn: '2026-06-16' })).body.data.lagWorkingDays).toBe(2);
  });

  it.each([
    ['holidays', { holidays: '2027-06-31' }, 'holidays "2027-06-31" is not a date (YYYY-MM-DD) or a run of dates (YYYY-MM-DD~YYYY-MM-DD)'],
    ['holidays', { holidays: '2026-10-01~2026-10-07' }, 'holidays 2026-10-01 is not in 2027'],
    ['workdays', { holidays: '2027-02-05~2027-02-12', workdays: '2027-02-06' }, 'workdays 2027-02-06 is also listed as a holiday'],
  ])('refuses a notice with bad %s, naming it, and stores nothing', async (field, days, message) => {
    const before = await notices().count();
    const res = await request(app.server)
      .post('/api/calendar-notices')
      .set(bearer())
      .send({ data: { year: 2027, notice: '国办发明电〔2026〕1号', ...days } });
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0]).toMatchObject({ path: [field], message });
    expect(await notices().count()).toBe(before);
  });
});
