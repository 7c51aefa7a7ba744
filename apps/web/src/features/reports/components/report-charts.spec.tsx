import { renderToStaticMarkup } from 'react-dom/server';
import { BarChart, LineChart, RateBar } from './report-charts';

describe('report charts as SVG', () => {
  it('draws one bar per minute, labelled for screen readers', () => {
    const html = renderToStaticMarkup(<BarChart values={[3, 0, 7]} label="Messages" testId="chart" />);
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Messages"');
    expect(html.match(/class="report-chart__bar"/g)).toHaveLength(3);
    expect(html).toContain('<title>7</title>');
    expect(html).toContain('>10</text>'); // the axis top above 7
  });

  it('draws the viewer line through every sample', () => {
    const html = renderToStaticMarkup(<LineChart values={[10, 20, 15]} label="Viewers" testId="chart" />);
    const path = /class="report-chart__line" d="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(path.split(' L')).toHaveLength(3);
    expect(path.startsWith('M')).toBe(true);
  });

  it('fills a rate bar to its percentage and draws nothing without a rate', () => {
    expect(renderToStaticMarkup(<RateBar rate={0.75} label="75 %" />)).toContain('width="75"');
    expect(renderToStaticMarkup(<RateBar rate={null} label="—" />)).toBe('');
  });
});
