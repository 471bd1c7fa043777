export { GuideError, type GuideStep, guideProblems, walkGuide } from './guide';
export {
  GUIDE_QUESTIONS,
  GUIDE_RESULTS,
  GUIDE_START,
  type GuideApplyKind,
  type GuideOption,
  type GuideQuestion,
  type GuideResult,
  type GuideRoute,
} from './tree';
