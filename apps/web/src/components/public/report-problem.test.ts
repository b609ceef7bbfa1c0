import { describe, expect, it } from 'vitest';
import { reportProblem } from './report-problem';

const problem = (code: string, errors?: { path: string; message: string }[]) => ({
  type: `urn:zhizhi:problem:${code}`,
  title: 'Bad Request',
  status: 400,
  detail: 'English detail',
  code,
  errors,
});

describe('reportProblem', () => {
  it('puts a location outside the district on the location field, in the chosen language', () => {
    const zh = reportProblem(
      problem('governance.location.outside_district', [
        { path: '/location', message: 'outside the district' },
      ]),
      'zh-CN',
    );
    expect(zh.summary).toContain('不在本区范围内');
    expect(zh.fields).toEqual([{ name: 'location', errors: [zh.summary] }]);
    const en = reportProblem(problem('governance.location.outside_district'), 'en-US');
    expect(en.fields[0]?.errors[0]).toMatch(/outside the district/i);
  });

  it('replaces the English validation messages with our own per field', () => {
    const result = reportProblem(
      problem('governance.report.invalid', [
        { path: '/description', message: 'Too small: expected string to have >=5 characters' },
        { path: '/reporterPhone', message: 'Invalid string' },
        { path: '/photos/0', message: 'Invalid UUID' },
      ]),
      'zh-CN',
    );
    expect(result.fields.map((f) => f.name)).toEqual(['description', 'reporterPhone', 'photos']);
    expect(result.fields[0]?.errors[0]).toContain('5–2000');
    expect(result.fields[1]?.errors[0]).toContain('电话');
    expect(result.fields[2]?.errors[0]).toBe('Invalid UUID'); // no words of our own: the server's
  });

  it('summarises problems without fields, and network failures', () => {
    expect(reportProblem(problem('http.rate_limited'), 'zh-CN')).toEqual({
      summary: '操作过于频繁，请稍后再试。',
      fields: [],
    });
    expect(reportProblem(problem('client.network'), 'en-US').summary).toMatch(/reach the server/i);
    expect(reportProblem(problem('something.new'), 'en-US').summary).toBe('English detail');
  });
});
