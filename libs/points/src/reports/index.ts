export * from './meeting-report.rules';
export * from './report-csv.rules';
export * from './stream-report.rules';
