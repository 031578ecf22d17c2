// Capacity maths: supply and demand of people, roles and teams by week, month and quarter.
export * from './capacity';
export * from './allocation-hours';
