// The calendar: day numbers and ISO dates, weekdays (ISO, 1 = Monday … 7 = Sunday), ISO weeks and
// the workbook's week start, months, fiscal quarters and years, working days against the
// workbook's holidays and a person's calendar, and period labels. Every other module counts days
// through here.
export * from './dates';
export * from './working';
export * from './periods';
export * from './month-names';
