export { type CalcResult, DEFAULT_WAGE_CONVERSION, type WageConversionSettings } from './common';
export * from './compensation';
export * from './wages';
