// The record detail panels of the register.
export { ProjectDetail, type ProjectDetailProps } from './ProjectDetail';
