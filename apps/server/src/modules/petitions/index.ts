/** The petitions module's API for other modules (docs/ARCHITECTURE.md): import from '../petitions'. */
export { kickRender } from './petitions.records';
