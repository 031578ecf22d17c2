// The roadmap's schedule maths: dependency network, critical path, broken links, slip.
export * from './network';
export * from './critical-path';
export * from './violations';
export * from './slip';
