// The record detail panels, opened from the register, the roadmap and capacity.
export { ProjectDetail, type ProjectDetailProps } from './ProjectDetail';
