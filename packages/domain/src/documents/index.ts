export * from './elements';
export * from './format';
export * from './lint';
export * from './number-styles';
export * from './particulars';
export * from './free-standing';
