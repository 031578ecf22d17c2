import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodIssue, fieldLabel, issueReason } from './labels';
import { allocation, project, resource, settings } from './schemas';

/** The issues zod reports for a value, in order. */
function issues(schema: z.ZodType, value: unknown): z.core.$ZodIssue[] {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('expected the value to be refused');
  return r.error.issues;
}

function onlyIssue(schema: z.ZodType, value: unknown): z.core.$ZodIssue {
  const all = issues(schema, value);
  expect(all).toHaveLength(1);
  return all[0]!;
}

const aProject = { id: 'p-1', code: 'PRJ-001', name: 'CRM replacement' };

describe('fieldLabel', () => {
  it('uses the known label of a field', () => {
    expect(fieldLabel('hoursPerFte')).toBe('Hours per FTE');
    expect(fieldLabel('forecastCost')).toBe('Forecast at completion');
    expect(fieldLabel('resourceId')).toBe('Person');
    expect(fieldLabel('percentComplete')).toBe('% complete');
  });

  it('splits an unknown camelCase name into words', () => {
    expect(fieldLabel('decisionsNeeded')).toBe('Decisions needed');
    expect(fieldLabel('nextSteps')).toBe('Next steps');
    expect(fieldLabel('email')).toBe('Email');
  });

  it('labels the last part of a nested path, skipping array indexes', () => {
    expect(fieldLabel('ragRules.slipAmberDays')).toBe('Amber slip');
    expect(fieldLabel('scoringCriteria.2')).toBe('Scoring criteria');
    expect(fieldLabel('scoringCriteria.0.scaleMax')).toBe('Scale');
    expect(fieldLabel('exceptions.1.hoursPerWeek')).toBe('Hours per week');
  });

  it('does not take names such as constructor from the object prototype', () => {
    expect(fieldLabel('constructor')).toBe('Constructor');
    expect(fieldLabel('custom.toString')).toBe('To string');
  });
});

describe('issueReason on issues from the real schemas', () => {
  it('says "must be at most N" for a number that is too big', () => {
    expect(issueReason(onlyIssue(settings, { name: 'P', hoursPerFte: 200 }))).toBe('must be at most 168');
    expect(issueReason(onlyIssue(allocation, { id: 'a', projectId: 'p', start: '2026-01-05', end: '2026-01-09', amount: 20_000 }))).toBe('must be at most 10000');
  });

  it('says "must be at least N" for a number that is too small', () => {
    expect(issueReason(onlyIssue(settings, { name: 'P', ragRules: { slipAmberDays: -1 } }))).toBe('must be at least 0');
  });

  it('says "must be more than N" when the bound itself is not allowed', () => {
    // hoursPerFte is gt(0): "must be at least 0" would contradict the 0 the user typed.
    expect(issueReason(onlyIssue(settings, { name: 'P', hoursPerFte: 0 }))).toBe('must be more than 0');
    expect(issueReason(onlyIssue(z.number().lt(10), 10))).toBe('must be less than 10');
  });

  it('says "is required" for a missing or empty required text', () => {
    expect(issueReason(onlyIssue(project, { id: 'p-1', name: 'CRM' }))).toBe('is required'); // code missing
    expect(issueReason(onlyIssue(project, { ...aProject, id: '' }))).toBe('is required'); // default zod message for min(1)
  });

  it('gives text length limits in characters and list limits in items', () => {
    expect(issueReason(onlyIssue(project, { ...aProject, sponsor: 'x'.repeat(201) }))).toBe('must be at most 200 characters');
    expect(issueReason(onlyIssue(z.string().min(3), 'ab'))).toBe('must be at least 3 characters');
    expect(issueReason(onlyIssue(z.array(z.string()).max(2), ['a', 'b', 'c']))).toBe('can hold at most 2 items');
  });

  it('lists the allowed values of an enum', () => {
    expect(issueReason(onlyIssue(project, { ...aProject, stage: 'started' }))).toBe('must be one of: idea, proposed, approved, in-progress, on-hold, closed, cancelled');
    expect(issueReason(onlyIssue(project, { ...aProject, priority: 'urgent' }))).toBe('must be one of: critical, high, medium, low');
  });

  it('names the expected kind of value for a wrong type', () => {
    expect(issueReason(onlyIssue(project, { ...aProject, budget: '1200.50' }))).toBe('must be a number');
    expect(issueReason(onlyIssue(project, { ...aProject, tags: 'urgent' }))).toBe('must be a list');
    expect(issueReason(onlyIssue(project, { ...aProject, archived: 'yes' }))).toBe('must be yes or no');
    expect(issueReason(onlyIssue(project, { ...aProject, sponsor: 42 }))).toBe('must be text');
  });

  it('keeps custom messages as they are', () => {
    expect(issueReason(onlyIssue(project, { ...aProject, start: '2026-13-01' }))).toBe('must be a calendar date (YYYY-MM-DD)');
    expect(issueReason(onlyIssue(project, { ...aProject, budget: 10.5 }))).toBe('must be a whole number of minor units (cents)');
    expect(issueReason(onlyIssue(resource, { id: 'r', name: 'Asha', capacityHoursPerWeek: 200 }))).toBe('cannot exceed 168 hours a week');
    expect(issueReason(onlyIssue(project, { ...aProject, name: '   ' }))).toBe('is required');
  });
});

describe('describeZodIssue', () => {
  it('names the record and the field in words', () => {
    expect(describeZodIssue('Settings', onlyIssue(settings, { name: 'P', hoursPerFte: 200 }))).toBe('Settings: Hours per FTE must be at most 168');
    expect(describeZodIssue('Settings', onlyIssue(settings, { name: 'P', ragRules: { slipRedDays: -5 } }))).toBe('Settings: Red slip must be at least 0');
    expect(describeZodIssue('Project PRJ-001', onlyIssue(project, { ...aProject, stage: 'started' }))).toBe(
      'Project PRJ-001: Stage must be one of: idea, proposed, approved, in-progress, on-hold, closed, cancelled',
    );
    expect(describeZodIssue('Project', onlyIssue(project, { id: 'p-1', name: 'CRM' }))).toBe('Project: Code is required');
  });

  it('labels fields inside lists by their name, not their index', () => {
    const issue = onlyIssue(settings, { name: 'P', scoringCriteria: [{ id: 'c1', name: 'Value', weight: 50 }, { id: 'c2', name: 'Risk', weight: 50, scaleMax: 0 }] });
    expect(issue.path).toEqual(['scoringCriteria', 1, 'scaleMax']);
    expect(describeZodIssue('Settings', issue)).toBe('Settings: Scale must be at least 1');
  });

  it('leaves out the field when the issue is about the whole value', () => {
    expect(describeZodIssue('Amount', onlyIssue(z.number().max(5), 6))).toBe('Amount: must be at most 5');
  });
});
